package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.campaign.CampaignService;

/**
 * Malformed and hostile input to the API and the webapps: each gets a clear Chinese error or a refusal,
 * changes nothing, and never shows a stack trace.
 */
@DemoCityTest
class BadInputTest {

  @LocalServerPort int port;
  @Autowired CampaignService campaign;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "{\"phaseNumber\": \"一\", \"theme\": \"x\", \"startDate\": \"2026-12-01\", \"endDate\": \"2027-01-01\"}",
      "{\"phaseNumber\": 3, \"theme\": \"x\"}",
      "{\"phaseNumber\": 3, \"theme\": \"x\", \"startDate\": \"2026-13-45\", \"endDate\": \"2027-01-01\"}",
      "{\"phaseNumber\": 300, \"theme\": \"x\", \"startDate\": \"2026-12-01\", \"endDate\": \"2027-01-01\"}",
      "{\"phaseNumber\": 3, \"theme\": \"<script>alert(1)</script>' OR 1=1 --\", \"startDate\": \"2027-12-01\", \"endDate\": \"2027-01-01\"}",
      "{not json",
      "[]",
      ""})
  void aBadPhaseStartIsRefusedInChineseAndStartsNothing(String body) {
    int before = campaign.all().size();
    HttpResponse<String> response = http.postJson("/api/phases", body, "office.sec", "demo");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).containsPattern("[\\u4e00-\\u9fff]").doesNotContain("Exception", "\tat ", "org.camunda");
    assertThat(campaign.all()).hasSize(before);
  }

  @Test
  void invalidUtf8AndAHugeBodyAreRefused() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    byte[] invalid = {'{', '"', 't', 'h', 'e', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    HttpResponse<String> bad = client.send(request("/api/phases").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(invalid)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain("Exception");

    byte[] huge = new byte[11 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    HttpResponse<String> tooBig = http.upload("/api/import/organizations", "huge.csv", huge, "office.sec", "demo");
    assertThat(tooBig.statusCode()).isIn(400, 413);
    assertThat(tooBig.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void aPathTraversalInAnUploadNameIsJustAName() {
    // The city office's own line of the demo file again: an update that changes nothing.
    byte[] csv = "member_no,name,org_code,role,position,email,username\nM00001,高思远,city-office,书记,书记,office.sec@example.org,office.sec\n"
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.upload("/api/import/members", "../../../../etc/passwd", csv, "office.sec", "demo");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new java.io.File("/etc/passwd")).exists();
    assertThat(response.body()).contains("导入成功");
  }

  @Test
  void wrongTypesAndUnknownIdsOnTheApiAnswerInChinese() {
    HttpResponse<String> notANumber = http.postJson("/api/inbox/abc/read", "", "tl-zx.sec", "demo");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).contains("请求格式不正确");
    HttpResponse<String> someoneElses = http.postJson("/api/inbox/999999/read", "", "tl-zx.sec", "demo");
    assertThat(someoneElses.statusCode()).isEqualTo(404);
    assertThat(someoneElses.body()).contains("没有这条通知");
    HttpResponse<String> unknownPhase = http.postJson("/api/phases/nope/end", "{\"reason\":\"x\"}", "office.sec", "demo");
    assertThat(unknownPhase.statusCode()).isEqualTo(404);
    assertThat(unknownPhase.body()).contains("时段“nope”不存在");
    HttpResponse<String> notAllowed = http.postJson("/api/phases", "{}", "tl-zx.sec", "demo");
    assertThat(notAllowed.statusCode()).isEqualTo(403);
    assertThat(notAllowed.body()).contains("只有市委创先争优活动领导小组办公室");
  }

  @Test
  void webappSessionCookiesAreHttpOnlyAndSameSiteAndCsrfStaysOn() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    List<String> cookies = page.headers().allValues("Set-Cookie");
    String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    // A login without the CSRF token is refused.
    HttpResponse<String> noToken = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", session.split(";")[0])
        .POST(HttpRequest.BodyPublishers.ofString("username=tl-zx.sec&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(noToken.body()).doesNotContain("\"userId\"");
    // A fresh page, as a browser would have, and the login with its token.
    HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    xsrf = again.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    session = again.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    String token = xsrf.split(";")[0].substring("XSRF-TOKEN=".length());
    HttpResponse<String> withToken = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", session.split(";")[0] + "; " + xsrf.split(";")[0])
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=tl-zx.sec&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).isEqualTo(200);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("office.sec:demo".getBytes(StandardCharsets.UTF_8)));
  }
}
