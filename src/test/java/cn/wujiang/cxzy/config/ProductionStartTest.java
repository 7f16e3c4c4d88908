package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import cn.wujiang.cxzy.CxzyApplication;
import cn.wujiang.cxzy.config.StartupChecks.UnsafeConfigurationException;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * The packaged application started without a profile, as {@code java -jar} and the image do: production.
 * Without real secrets it refuses to start and leaves an empty database behind; with them it starts
 * without the demo (no demo city, no H2 console, no simulator), and holds requests until it is ready.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

  @TempDir
  Path dir;

  private final Map<String, ProcessEngine> enginesBefore = new HashMap<>();

  @BeforeEach
  void rememberRegisteredEngines() {
    enginesBefore.putAll(ProcessEngines.getProcessEngines());
  }

  @AfterEach
  void restoreRegisteredEngines() {
    enginesBefore.values().forEach(ProcessEngines::registerProcessEngine);
  }

  @Test
  void withoutAProfileTheDemoSecretsAreRefusedBeforeAnythingIsWritten(CapturedOutput output) throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    assertThatThrownBy(() -> start(url, "--camunda.bpm.admin-user.password=admin",
        "--cxzy.evaluation.pepper=" + StartupChecks.DEMO_PEPPER))
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("CAMUNDA_ADMIN_PASSWORD contains the user name")
        .hasMessageContaining("CXZY_EVALUATION_PEPPER (the secret of the ballot codes) is the demo's");
    assertThat(tables(url)).as("tables after the refused start").isEmpty();
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("refuses these settings").contains("Nothing was written to the database")
        .doesNotContain("\tat cn.wujiang").doesNotContain("\tat org.springframework");
  }

  @Test
  void thePostgresProfileWithoutAnAdministratorPasswordCreatesNoUserAndNoTable() throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    assertThatThrownBy(() -> new SpringApplicationBuilder(CxzyApplication.class).profiles("postgres")
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--server.port=0",
            "--camunda.bpm.admin-user.password=", "--cxzy.evaluation.pepper=" + StartupChecksTest.GOOD_PEPPER,
            "--camunda.bpm.job-execution.enabled=false"))
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("CAMUNDA_ADMIN_PASSWORD is not set");
    assertThat(tables(url)).as("tables after the refused start, ACT_ID_USER among them").isEmpty();
  }

  @Test
  void withRealSecretsItStartsWithoutTheDemoAndHoldsRequestsUntilReady() {
    String password = StartupChecksTest.GOOD_PASSWORD;
    try (ConfigurableApplicationContext app = start("jdbc:h2:mem:production-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
        "--camunda.bpm.admin-user.password=" + password, "--cxzy.evaluation.pepper=" + StartupChecksTest.GOOD_PEPPER)) {
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

      ProbeDuringStart probe = app.getBean(ProbeDuringStart.class);
      HttpResponse<String> early = probe.responses.get(0);
      assertThat(early.statusCode()).as("a request before the start is complete").isEqualTo(503);
      assertThat(early.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(early.body()).contains("系统正在启动，请稍后再试。");
      assertThat(probe.responses.get(1).statusCode()).as("the liveness probe during the start").isEqualTo(200);
      assertThat(http.get("/engine-rest/user", "admin", password).statusCode()).as("once ready").isEqualTo(200);

      assertThat(http.get("/h2-console").statusCode()).as("the H2 console").isEqualTo(404);
      assertThat(http.postJson("/api/demo/simulate/1", "{}", "admin", password).statusCode())
          .as("the demo's simulator").isEqualTo(404);
      assertThat(app.getBean(OrganizationService.class).count()).as("no demo city").isZero();
      assertThat(http.get("/engine-rest/user", "admin", "admin").statusCode()).as("admin/admin").isEqualTo(401);

      List<Job> cleanup = app.getBean(HistoryService.class).findHistoryCleanupJobs();
      assertThat(cleanup).as("the nightly history cleanup").isNotEmpty();
      ZonedDateTime due = cleanup.get(0).getDuedate().toInstant().atZone(ZoneId.of(CxzyApplication.ZONE));
      assertThat(due.getHour()).as("due at the start of the window, Asia/Shanghai").isEqualTo(1);
      assertThat(due.getMinute()).isZero();
      assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery().list())
          .as("every model's history has a time to live")
          .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isPositive());
    }
  }

  private ConfigurableApplicationContext start(String url, String... secrets) {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false"));
    args.addAll(List.of(secrets));
    // no profile, as java -jar and docker run
    return new SpringApplicationBuilder(CxzyApplication.class, ProbeDuringStart.class).run(args.toArray(String[]::new));
  }

  private static List<String> tables(String url) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        if (!"INFORMATION_SCHEMA".equals(rs.getString("TABLE_SCHEM"))) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    return tables;
  }

  /** Sends requests while the start-up steps run: the web server listens already, the city is not ready. */
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class ProbeDuringStart implements ApplicationRunner {

    final List<HttpResponse<String>> responses = new ArrayList<>();
    private final ApplicationContext context;

    ProbeDuringStart(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
      Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
      responses.add(http.get("/engine-rest/user", "admin", StartupChecksTest.GOOD_PASSWORD));
      responses.add(http.get("/actuator/health/liveness"));
    }
  }
}
