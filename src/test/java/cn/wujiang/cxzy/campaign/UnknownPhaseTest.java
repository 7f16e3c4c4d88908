package cn.wujiang.cxzy.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;

/**
 * A phase that does not exist: every request about it answers 404 with a Chinese message, and nothing
 * is started, ended or exported, even for the city office.
 */
@DemoCityTest
class UnknownPhaseTest {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  CampaignService campaign;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "POST, /api/phases/999/end",
      "POST, /api/phases/999/cancel",
      "POST, /api/phases/999/evaluations/2026",
      "POST, /api/phases/999/commendations",
      "GET, /api/evaluations/999/results.xlsx",
      "GET, /api/commendations/999.xlsx",
      "GET, /api/commendations/999/nominations.xlsx"})
  void aPhaseThatDoesNotExistAnswers404InChineseAndChangesNothing(String method, String path) {
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    int phasesBefore = campaign.all().size();
    Http http = new Http(port);

    HttpResponse<String> response = method.equals("GET") ? http.get(path, "office.sec", "demo")
        : http.postJson(path, "{\"reason\":\"测试\"}", "office.sec", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(Http.json(response).path("message").asText()).isEqualTo("时段“999”不存在");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(campaign.all()).hasSize(phasesBefore);
    assertThat(campaign.find("999")).isEmpty();
  }
}
