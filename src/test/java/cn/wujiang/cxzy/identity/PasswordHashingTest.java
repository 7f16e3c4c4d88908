package cn.wujiang.cxzy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;

/** Login passwords are stored as PBKDF2; a user with an old SHA-512 hash still logs in and is rehashed. */
@DemoCityTest
class PasswordHashingTest {

  static final String USER = "zt.hash";
  static final String PASSWORD = "Tongli-2026!";

  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @LocalServerPort int port;

  @AfterEach
  void removeUser() {
    if (identityService.createUserQuery().userId(USER).count() > 0) {
      identityService.deleteUser(USER);
    }
  }

  @Test
  void aNewUsersPasswordIsStoredAsPbkdf2AndLogsIn() {
    create();

    assertThat(storedHash()).startsWith("{PBKDF2-SHA256}1000$");
    assertThat(new Http(port).get("/engine-rest/user/" + USER + "/profile", USER, PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anOldSha512HashStillLogsInAndIsRehashedOnThatLogin() {
    create();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, USER);
      user.setDbPassword("{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword(PASSWORD, user.getSalt())));
      return null;
    });
    assertThat(storedHash()).startsWith("{SHA-512}");

    HttpResponse<String> login = new Http(port).get("/engine-rest/user/" + USER + "/profile", USER, PASSWORD);

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(storedHash()).startsWith("{PBKDF2-SHA256}1000$");
    assertThat(identityService.checkPassword(USER, PASSWORD)).isTrue();
  }

  @Test
  void aPasswordVerifiedMomentsAgoIsNoLongerAcceptedOnceChanged() {
    create();
    assertThat(identityService.checkPassword(USER, PASSWORD)).isTrue();
    assertThat(identityService.checkPassword(USER, PASSWORD)).as("verified again, from the recent logins").isTrue();

    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword("Changed-2027!");
    identityService.saveUser(user);

    assertThat(identityService.checkPassword(USER, PASSWORD)).as("the old password").isFalse();
    assertThat(identityService.checkPassword(USER, "Changed-2027!")).isTrue();
  }

  private void create() {
    User user = identityService.newUser(USER);
    user.setFirstName("钱");
    user.setLastName("测试");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }

  private String storedHash() {
    return ((UserEntity) identityService.createUserQuery().userId(USER).singleResult()).getPassword();
  }
}
