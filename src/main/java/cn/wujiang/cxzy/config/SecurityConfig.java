package cn.wujiang.cxzy.config;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Closes the engine's REST API and our own API to anyone without a login (HTTP Basic against Camunda's
 * identity, or for the progress page and the inbox the webapps' login session; see LoginFilter). The
 * public pages under /board and /evaluate stay open; the webapps have their own login, whose form is
 * throttled like Basic. No state-changing request of another site gets through (CrossSiteRequestFilter).
 */
@Configuration
class SecurityConfig {

  /** First of all filters but the forward headers', so that no handler and no login sees such a request. */
  @Bean
  FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequests(ObjectMapper json) {
    FilterRegistrationBean<CrossSiteRequestFilter> registration =
        new FilterRegistrationBean<>(new CrossSiteRequestFilter(json));
    registration.setName("cross-site-requests");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** Basic only: the webapps reach the engine through their own /camunda/api/engine, with a CSRF token. */
  @Bean
  FilterRegistrationBean<LoginFilter> engineRestAuthentication(ProcessEngine engine, LoginThrottle throttle,
      ObjectMapper json) {
    return login("engine-rest-authentication", new LoginFilter(engine, throttle, json, path -> false, false),
        "/engine-rest/*");
  }

  /** Basic for scripts; the inbox, read by a logged-in person's page, takes the webapps' session too. */
  @Bean
  FilterRegistrationBean<LoginFilter> apiAuthentication(ProcessEngine engine, LoginThrottle throttle,
      ObjectMapper json) {
    return login("api-authentication",
        new LoginFilter(engine, throttle, json, path -> path.equals("/api/inbox") || path.startsWith("/api/inbox/"),
            false),
        "/api/*");
  }

  /** The campaign's progress page and its export: for the city office and the leading bodies. */
  @Bean
  FilterRegistrationBean<LoginFilter> progressAuthentication(ProcessEngine engine, LoginThrottle throttle,
      ObjectMapper json) {
    return login("progress-authentication", new LoginFilter(engine, throttle, json, path -> true, true),
        "/progress", "/progress.xlsx");
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, json));
    registration.setName("webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(1);
    return registration;
  }

  private static FilterRegistrationBean<LoginFilter> login(String name, LoginFilter filter, String... patterns) {
    FilterRegistrationBean<LoginFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(patterns);
    registration.setOrder(1);
    return registration;
  }
}
