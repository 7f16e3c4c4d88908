package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests count as another site's, as the request sees its own origin (behind a proxy too). */
class CrossSiteRequestFilterTest {

  private static MockHttpServletRequest post(String scheme, String host, int port, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setScheme(scheme);
    request.setServerName(host);
    request.setServerPort(port);
    return request;
  }

  @Test
  void theSameSchemeHostAndPortIsTheSameOriginDefaultPortsIncluded() {
    MockHttpServletRequest request = post("https", "cxzy.example.org", 443, "/api/phases");
    request.addHeader("Origin", "https://cxzy.example.org");
    assertThat(CrossSiteRequestFilter.crossSite(request)).isFalse();

    request = post("https", "cxzy.example.org", 443, "/api/phases");
    request.addHeader("Origin", "https://CXZY.example.org:443");
    assertThat(CrossSiteRequestFilter.crossSite(request)).isFalse();
  }

  @Test
  void anotherHostSchemeOrPortIsAnotherSite() {
    for (String origin : new String[] {"https://evil.example", "http://cxzy.example.org",
        "https://cxzy.example.org:8443", "https://cxzy.example.org.evil.example", "not a url"}) {
      MockHttpServletRequest request = post("https", "cxzy.example.org", 443, "/api/phases");
      request.addHeader("Origin", origin);
      assertThat(CrossSiteRequestFilter.crossSite(request)).as(origin).isTrue();
    }
  }

  @Test
  void withoutOriginTheRefererDecides() {
    MockHttpServletRequest request = post("http", "localhost", 8080, "/engine-rest/user/x");
    request.addHeader("Referer", "http://localhost:8080/camunda/app/admin/");
    assertThat(CrossSiteRequestFilter.crossSite(request)).isFalse();

    request = post("http", "localhost", 8080, "/engine-rest/user/x");
    request.addHeader("Referer", "http://evil.example/x");
    assertThat(CrossSiteRequestFilter.crossSite(request)).isTrue();
  }

  @Test
  void secFetchSiteCrossSiteIsRefusedWhateverElseIsSent() {
    MockHttpServletRequest request = post("http", "localhost", 8080, "/api/phases");
    request.addHeader("Origin", "http://localhost:8080");
    request.addHeader("Sec-Fetch-Site", "cross-site");
    assertThat(CrossSiteRequestFilter.crossSite(request)).isTrue();
  }

  @Test
  void anOpaqueOriginPassesOnlyWhereTheBrowserSaysSameOriginOrOnTheBallotPage() {
    MockHttpServletRequest sandboxed = post("http", "localhost", 8080, "/api/phases");
    sandboxed.addHeader("Origin", "null");
    assertThat(CrossSiteRequestFilter.crossSite(sandboxed)).isTrue();

    MockHttpServletRequest ownForm = post("http", "localhost", 8080, "/api/phases");
    ownForm.addHeader("Origin", "null");
    ownForm.addHeader("Sec-Fetch-Site", "same-origin");
    assertThat(CrossSiteRequestFilter.crossSite(ownForm)).isFalse();

    MockHttpServletRequest ballot = post("http", "localhost", 8080, "/evaluate/ABCDEFGHJK");
    ballot.addHeader("Origin", "null");
    assertThat(CrossSiteRequestFilter.crossSite(ballot)).isFalse();
  }

  @Test
  void aScriptWithoutAnyOfTheseHeadersPasses() {
    assertThat(CrossSiteRequestFilter.crossSite(post("http", "localhost", 8080, "/api/phases"))).isFalse();
  }
}
