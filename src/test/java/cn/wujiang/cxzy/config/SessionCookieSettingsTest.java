package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The login session's cookie is Secure outside the demo (HTTPS, or a proxy that ends it), HttpOnly, SameSite. */
class SessionCookieSettingsTest {

  private static Object setting(String file, String name) throws IOException {
    PropertySource<?> source = new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).get(0);
    return source.getProperty(name);
  }

  @Test
  void theCookieIsSecureUnlessTheDemoRunsOnPlainHttp() throws IOException {
    assertThat(String.valueOf(setting("application.yaml", "server.servlet.session.cookie.secure")))
        .isEqualTo("${CXZY_SESSION_COOKIE_SECURE:true}");
    assertThat(String.valueOf(setting("application-demo.yaml", "server.servlet.session.cookie.secure")))
        .isEqualTo("${CXZY_SESSION_COOKIE_SECURE:false}");
    assertThat(String.valueOf(setting("application.yaml", "server.servlet.session.cookie.http-only"))).isEqualTo("true");
    assertThat(String.valueOf(setting("application.yaml", "server.servlet.session.cookie.same-site"))).isEqualTo("lax");
  }
}
