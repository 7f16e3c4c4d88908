package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;

/** An administrator that an earlier build left with an empty password gets the configured one at the start. */
@DemoCityTest
class EmptyAdminPasswordTest {

  @Autowired IdentityService identityService;
  @Autowired EmptyAdminPassword repair;
  @LocalServerPort int port;

  @AfterEach
  void restore() {
    User admin = identityService.createUserQuery().userId("admin").singleResult();
    admin.setPassword("admin");
    identityService.saveUser(admin);
    identityService.unlockUser("admin");
  }

  @Test
  void theEmptyPasswordNoLongerLetsTheAdministratorIn() {
    User admin = identityService.createUserQuery().userId("admin").singleResult();
    admin.setPassword("");
    identityService.saveUser(admin);
    Http http = new Http(port);
    assertThat(http.get("/engine-rest/user", "admin", "").statusCode()).as("admin: before the repair").isEqualTo(200);

    repair.run(null);

    assertThat(http.get("/engine-rest/user", "admin", "admin").statusCode()).as("the configured password").isEqualTo(200);
    assertThat(http.get("/engine-rest/user", "admin", "").statusCode()).as("admin: after the repair").isEqualTo(401);
  }
}
