package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What a production start accepts as secrets, and what it refuses. */
class StartupChecksTest {

  static final String GOOD_PASSWORD = "Lq7-vR2x!Tm9";
  static final String GOOD_PEPPER = "q8ZrT1w9XkVb3Nc7YpLs2Hd6Mf4Gj0Ea";

  @Test
  void theDefaultAndWellKnownAdministratorPasswordsAreRefused() {
    assertThat(StartupChecks.weakPassword("admin", "")).contains("not set");
    assertThat(StartupChecks.weakPassword("admin", "   ")).contains("not set");
    assertThat(StartupChecks.weakPassword("admin", "admin")).contains("user name");
    assertThat(StartupChecks.weakPassword("root", "Admin2026!xyz")).contains("admin");
    assertThat(StartupChecks.weakPassword("root", "demo")).contains("demo");
    assertThat(StartupChecks.weakPassword("chen.li", "Chen.Li-1234567")).contains("user name");
    assertThat(StartupChecks.weakPassword("root", "Xy7!kq")).contains("shorter than 12");
    assertThat(StartupChecks.weakPassword("root", "aaaaaaaaaaaaaaab")).contains("too few");
    assertThat(StartupChecks.weakPassword("admin", GOOD_PASSWORD)).isNull();
  }

  @Test
  void theDemoPepperAndShortPeppersAreRefused() {
    assertThat(StartupChecks.weakPepper("")).isEqualTo("is not set");
    assertThat(StartupChecks.weakPepper(StartupChecks.DEMO_PEPPER)).isEqualTo("is the demo's");
    assertThat(StartupChecks.weakPepper("s3cr3t-pepper")).contains("shorter than 32");
    assertThat(StartupChecks.weakPepper("ab".repeat(20))).contains("too few");
    assertThat(StartupChecks.weakPepper(GOOD_PEPPER)).isNull();
  }

  @Test
  void aProductionStartNeedsEverySecretAndNoDemoFeature() {
    MockEnvironment env = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", GOOD_PASSWORD)
        .withProperty("cxzy.evaluation.pepper", GOOD_PEPPER)
        .withProperty("spring.datasource.url", "jdbc:h2:file:./data/cxzy");
    assertThat(StartupChecks.problems(env)).isEmpty();

    env.withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/cxzy?ssl=true")
        .withProperty("spring.h2.console.enabled", "true")
        .withProperty("cxzy.demo.load", "true");
    assertThat(StartupChecks.problems(env)).containsExactly(
        "DB_PASSWORD is not set: the database jdbc:postgresql://db:5432/cxzy needs a password",
        "spring.h2.console.enabled is true: the H2 console (SQL as the database owner) exists only in the demo",
        "cxzy.demo.load is true: the demo city and its well-known passwords exist only in the demo");
  }
}
