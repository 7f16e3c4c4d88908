package cn.wujiang.cxzy.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.wujiang.cxzy.DemoCityTest;

/** The city office ends or cancels a phase through the API: accepted at once, refused in Chinese. */
@DemoCityTest
class PhaseApiTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired CampaignService campaign;

  @Test
  void anEndIsAcceptedAtOnceWithTheCyclesStillToStopAndASecondRequestIsRefused() {
    ResponseEntity<Map> started = office().postForEntity("/api/phases", Map.of("phaseNumber", TestPhases.next(),
        "theme", "接口结束", "startDate", LocalDate.now().toString(), "endDate", LocalDate.now().plusMonths(6).toString()),
        Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String phaseId = (String) started.getBody().get("id");
    TestPhases.fanOut(engine, campaign.get(phaseId).getProcessInstanceId());

    ResponseEntity<Map> noReason = office().postForEntity("/api/phases/" + phaseId + "/end", Map.of("reason", " "), Map.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("message")).isEqualTo("请写明原因（1000 字以内）");

    ResponseEntity<Map> ended = office().postForEntity("/api/phases/" + phaseId + "/end", Map.of("reason", "统一部署"), Map.class);
    assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(ended.getBody()).containsEntry("status", "ENDING").containsEntry("statusLabel", "结束中")
        .containsEntry("endReason", "统一部署");
    // The cycles are stopped by the engine's jobs, not by the request.
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY)
        .processInstanceBusinessKeyLike("%:" + phaseId).count()).isEqualTo(19);

    ResponseEntity<Map> again = office().postForEntity("/api/phases/" + phaseId + "/cancel", Map.of("reason", "再撤销"), Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) again.getBody().get("message")).endsWith("时段结束中，不能再操作");

    TestPhases.runMessageBatches(engine);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY)
        .processInstanceBusinessKeyLike("%:" + phaseId).count()).isZero();
  }

  @Test
  void aPhaseThatDoesNotExistIsNotFoundAndOnlyTheCityOfficeMayEndOne() {
    ResponseEntity<Map> missing = office().postForEntity("/api/phases/no-such-phase/cancel", Map.of("reason", "撤销"), Map.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("message")).isEqualTo("时段“no-such-phase”不存在");
    ResponseEntity<Map> school = http.withBasicAuth("tl-zx.sec", "demo")
        .postForEntity("/api/phases/no-such-phase/end", Map.of("reason", "结束"), Map.class);
    assertThat(school.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private TestRestTemplate office() {
    return http.withBasicAuth("office.sec", "demo");
  }
}
