package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.wujiang.cxzy.CxzyApplication;
import cn.wujiang.cxzy.organization.CitySnapshot;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * The application as it runs on one machine: an H2 file database that outlives a restart. What the
 * city office imported is still there afterwards, and the demo city is not loaded a second time.
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class RestartTest {

  @TempDir
  Path dir;

  /** Each start registers its engine in Camunda's static registry; other tests' engines are put back. */
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
  void whatWasImportedSurvivesARestartAndTheDemoCityIsLoadedOnlyOnce() {
    CitySnapshot beforeRestart;
    long authorizationsBeforeRestart;
    try (ConfigurableApplicationContext app = start()) {
      OrganizationService organizations = app.getBean(OrganizationService.class);
      assertThat(dir.resolve("db.mv.db")).as("the database file of this test").exists();
      assertThat(organizations.count()).as("the demo city on first start").isEqualTo(35);
      assertThat(organizations.allMembers()).hasSize(146);

      HttpResponse<String> imported = new Http(port(app)).upload("/api/import/organizations", "o.csv",
          ("code,name,type,system,leader_code,grassroots,unit\n"
              + "zt-restart,同里镇重启测试党支部,党支部,教育,town-tongli,是,同里镇重启测试学校\n")
              .getBytes(StandardCharsets.UTF_8), "office.sec", "demo");
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

      beforeRestart = CitySnapshot.take(organizations, app.getBean(IdentityService.class));
      authorizationsBeforeRestart = app.getBean(AuthorizationService.class).createAuthorizationQuery().count();
    }

    try (ConfigurableApplicationContext app = start()) {
      OrganizationService organizations = app.getBean(OrganizationService.class);
      IdentityService identityService = app.getBean(IdentityService.class);

      assertThat(organizations.get("zt-restart").getName()).isEqualTo("同里镇重启测试党支部");
      assertThat(identityService.createGroupQuery().groupId("zt-restart").singleResult().getName())
          .isEqualTo("同里镇重启测试党支部");
      assertThat(organizations.scope("town-tongli")).extracting(o -> o.getCode())
          .containsExactly("tl-zx", "zt-restart");
      assertThat(organizations.count()).isEqualTo(36);
      assertThat(organizations.allMembers()).hasSize(146);
      assertThat(CitySnapshot.take(organizations, identityService)).isEqualTo(beforeRestart);
      assertThat(app.getBean(AuthorizationService.class).createAuthorizationQuery().count())
          .as("no authorization granted twice").isEqualTo(authorizationsBeforeRestart);
      assertThat(app.getBean(FilterService.class).createFilterQuery().count())
          .as("the three Tasklist filters, once each").isEqualTo(3);
      assertThat(new Http(port(app)).get("/engine-rest/task", "sl-zx.sec", "demo").statusCode())
          .as("a demo login still works").isEqualTo(200);
    }
  }

  private ConfigurableApplicationContext start() {
    // as command-line arguments: default properties would lose against application.yaml
    return new SpringApplicationBuilder(CxzyApplication.class)
        .profiles("demo")
        .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }
}
