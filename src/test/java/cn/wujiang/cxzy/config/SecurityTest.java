package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Camunda's REST API and the application's API answer nobody without a valid login; the health check
 * answers everybody, and says nothing but whether the application is up.
 */
@DemoCityTest
class SecurityTest {

  static final byte[] MEMBERS_FILE = ("member_no,name,org_code,role,position,email,username\n"
      + "ZT801,冒名者,sl-zx,书记,校长,,zt.intruder\n").getBytes(StandardCharsets.UTF_8);

  /** A login of this test's own, for wrong passwords. */
  static final String LOCKABLE = "zt.lockable";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;

  @Autowired
  OrganizationService organizations;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    identityService.clearAuthentication();
    if (identityService.createUserQuery().userId(LOCKABLE).count() == 0) {
      User user = identityService.newUser(LOCKABLE);
      user.setPassword("right-password");
      identityService.saveUser(user);
    }
  }

  @AfterEach
  void removeOwnLogin() {
    identityService.deleteUser(LOCKABLE);
  }

  /** Scripts send Basic unasked; a challenge would make a browser ask for and keep the login. */
  @Test
  void engineRestWithoutLoginAnswers401WithoutAskingForBasic() {
    HttpResponse<String> response = http.get("/engine-rest/task");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(Http.json(response).path("message").asText()).contains("请先登录");
  }

  @Test
  void engineRestWithAnUnknownUserOrAWrongPasswordAnswers401() {
    assertThat(http.get("/engine-rest/task", "nobody", "demo").statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", LOCKABLE, "not-the-password").statusCode()).isEqualTo(401);
  }

  @Test
  void engineRestWithAValidLoginAnswers() {
    assertThat(http.get("/engine-rest/task", LOCKABLE, "right-password").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task", "sl-xx.m1", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void importWithoutLoginAnswers401AndCreatesNoLogin() {
    HttpResponse<String> response = http.upload("/api/import/members", "m.csv", MEMBERS_FILE, null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertNothingImported();
  }

  @Test
  void importWithWrongCredentialsAnswers401() {
    assertThat(http.upload("/api/import/members", "m.csv", MEMBERS_FILE, "nobody", "demo").statusCode())
        .isEqualTo(401);
    assertThat(http.upload("/api/import/members", "m.csv", MEMBERS_FILE, LOCKABLE, "wrong").statusCode())
        .isEqualTo(401);
    assertNothingImported();
  }

  private void assertNothingImported() {
    assertThat(organizations.member("ZT801")).isEmpty();
    assertThat(identityService.createUserQuery().userId("zt.intruder").count()).isZero();
  }

  @Test
  void apiAnswersCarrySecurityHeaders() {
    HttpResponse<String> response = http.upload("/api/import/members", "m.csv", MEMBERS_FILE, null, null);

    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void healthAnswersWithoutLoginAndShowsOnlyTheStatus() {
    HttpResponse<String> response = http.get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.path("status").asText()).isEqualTo("UP");
    // besides the status only the names of the Kubernetes probe groups, no component and no detail
    assertThat(body.fieldNames()).toIterable().containsOnly("status", "groups");
    assertThat(body.path("groups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("liveness", "readiness");
  }
}
