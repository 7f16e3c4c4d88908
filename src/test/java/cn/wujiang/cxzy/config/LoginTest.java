package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * A person logs in once, in Tasklist, and the progress page and the inbox know them; the browser never
 * shows its own password dialog; and wrong passwords slow down, per account and per address, without
 * ever locking the person out.
 */
@DemoCityTest
class LoginTest {

  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired LoginThrottle throttle;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    throttle.forgetAll();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    throttle.forgetAll();
  }

  /**
   * Tasklist's login as the browser does it: the page first (which gives the session its CSRF token,
   * in the cookie XSRF-TOKEN), then the form post with the token in the header X-XSRF-TOKEN.
   */
  private HttpResponse<String> webappLogin(String user, String password) {
    HttpResponse<String> page = http.get("/camunda/app/tasklist/default/");
    List<String> cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .substring("XSRF-TOKEN=".length());
    return http.send("POST", LOGIN, Map.of("Cookie", String.join("; ", cookies), "X-XSRF-TOKEN", token),
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + password, null, null);
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.split(";", 2)[0]).reduce((a, b) -> b).orElse(null);
  }

  @Test
  void theProgressPageWithoutALoginSendsTheBrowserToTheTasklistLoginAndBack() {
    HttpResponse<String> response = http.get("/progress?phase=p1");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .endsWith("/camunda/app/tasklist/default/?next=%2Fprogress%3Fphase%3Dp1#/login"));
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void aTasklistLoginOpensTheProgressPageAndTheInbox() {
    HttpResponse<String> login = webappLogin("office.sec", "demo");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String session = sessionCookie(login);
    assertThat(session).isNotNull();
    String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

    HttpResponse<String> page = http.send("GET", "/progress", Map.of("Cookie", session), null, null, null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("活动进度");

    HttpResponse<String> inbox = http.send("GET", "/api/inbox", Map.of("Cookie", session), null, null, null, null);
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(Http.json(inbox).has("unread")).isTrue();

    // The webapps' session opens the progress page and the inbox, not the rest of the API.
    assertThat(http.send("GET", "/api/phases", Map.of("Cookie", session), null, null, null, null).statusCode())
        .isEqualTo(401);
    assertThat(http.send("GET", "/engine-rest/task", Map.of("Cookie", session), null, null, null, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void noAnswerAsksTheBrowserForBasicCredentials() {
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (String path : List.of("/engine-rest/task", "/api/inbox", "/api/phases", "/progress", "/progress.xlsx",
        "/api/admin/login-throttles")) {
      responses.add(http.get(path));
      responses.add(http.get(path, "nobody" + responses.size(), "wrong"));
    }
    responses.add(webappLogin("nobody", "wrong"));
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.uri().toString()).isIn(302, 401);
      assertThat(response.headers().allValues("WWW-Authenticate")).as(response.uri().toString()).isEmpty();
    }
    HttpResponse<String> api = http.get("/api/phases");
    assertThat(Http.json(api).path("message").asText()).contains("请先登录");
  }

  @Test
  void scriptsStillLogInWithBasic() {
    assertThat(http.get("/engine-rest/task", "office.sec", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/phases", "office.sec", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/progress", "office.sec", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordDoesNotLockTheRightOneOut() {
    assertThat(http.get("/engine-rest/task", "office.sec", "wrong").statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", "office.sec", "demo").statusCode()).isEqualTo(200);
    assertThat(webappLogin("office.sec", "wrong").statusCode()).isEqualTo(401);
    assertThat(webappLogin("office.sec", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void aStrangersFiftyWrongPasswordsOnlyDelayTheCityOfficeForAWhile() {
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    int tooMany = 0;
    for (int i = 0; i < 50; i++) {
      // a few seconds apart: some guesses are checked, those within a wait are not
      ClockUtil.setCurrentTime(new Date(start.getTime() + i * 3_000L));
      HttpResponse<String> response = i % 2 == 0
          ? http.get("/engine-rest/task", "office.sec", "guess" + i)
          : webappLogin("office.sec", "guess" + i);
      assertThat(response.statusCode()).isIn(401, 429);
      if (response.statusCode() == 429) {
        tooMany++;
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(response).path("message").asText()).contains("登录失败次数过多");
      }
    }
    assertThat(tooMany).isPositive();
    Date last = ClockUtil.getCurrentTime();

    // While the account waits even the right password is answered 429, with how long to wait.
    HttpResponse<String> waiting = webappLogin("office.sec", "demo");
    assertThat(waiting.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(5).toSeconds());

    // After the wait the city office logs in, in Tasklist and with Basic; the engine has not locked it.
    ClockUtil.setCurrentTime(new Date(last.getTime() + retryAfter * 1000 + 1000));
    HttpResponse<String> login = webappLogin("office.sec", "demo");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task", "office.sec", "demo").statusCode()).isEqualTo(200);
    identityService.clearAuthentication();
    assertThat(identityService.checkPassword("office.sec", "demo")).isTrue();
  }

  @Test
  void anAddressThatFailsOnManyAccountsWaitsToo() {
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
      assertThat(http.get("/engine-rest/task", "nobody" + i, "guess").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> next = http.get("/engine-rest/task", "someone.else", "guess");
    assertThat(next.statusCode()).isEqualTo(429);
    assertThat(next.headers().firstValue("Retry-After")).hasValue("1");

    ClockUtil.setCurrentTime(new Date(start.getTime() + 2_000));
    assertThat(http.get("/engine-rest/task", "office.sec", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void theAdministratorSeesTheCurrentThrottles() {
    for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
      http.get("/engine-rest/task", "health-bureau.sec", "guess" + i);
    }

    HttpResponse<String> response = http.get("/api/admin/login-throttles", "admin", "admin");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode entries = Http.json(response);
    assertThat(entries.findValuesAsText("key")).contains("health-bureau.sec");
    JsonNode account = null;
    for (JsonNode entry : entries) {
      if (entry.path("key").asText().equals("health-bureau.sec")) {
        account = entry;
      }
    }
    assertThat(account.path("kind").asText()).isEqualTo("account");
    assertThat(account.path("failures").asInt()).isEqualTo(LoginThrottle.ACCOUNT_FREE_FAILURES);

    HttpResponse<String> notAdmin = http.get("/api/admin/login-throttles", "office.sec", "demo");
    assertThat(notAdmin.statusCode()).isEqualTo(403);
    assertThat(Http.json(notAdmin).path("message").asText()).contains("只有系统管理员");
  }
}
