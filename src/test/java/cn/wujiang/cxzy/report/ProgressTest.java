package cn.wujiang.cxzy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.wujiang.cxzy.DemoCityTest;

/** The progress page and export: counts per step, overdue tasks and their holders, each body its own scope. */
@DemoCityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressTest {

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

  String phaseId;

  /** Once for the class, inside a test (the coverage recorder runs per test). */
  @BeforeEach
  void startPhase() {
    if (phaseId != null) {
      return;
    }
    ProcessInstance phase = runtimeService.startProcessInstanceByKey("campaignPhase", Map.of(
        "phaseNumber", cn.wujiang.cxzy.campaign.TestPhases.next(), "theme", "进度测试", "startDate", LocalDate.now().toString(),
        "endDate", LocalDate.now().plusMonths(6).toString()));
    phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    cn.wujiang.cxzy.campaign.TestPhases.fanOut(engine, phase.getId());
  }

  @Test
  void theCityOfficeSeesEveryBodyWithItsOrganizationsAtPublicCommitment() {
    ResponseEntity<String> page = http.withBasicAuth("office.sec", "demo").getForEntity("/progress?phase=" + phaseId, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("活动进度", "时段：进度测试", "中共吴江市教育局委员会", "中共同里镇委员会", "公开承诺");
  }

  @Test
  void overdueTasksNameTheirHolderAndATownSeesOnlyItsOwn() throws Exception {
    // The drafts fall due: their deadline is moved into the past.
    for (Task draft : taskService.createTaskQuery().processInstanceBusinessKeyLike("%:" + phaseId)
        .taskDefinitionKey("Task_DraftCommitments").list()) {
      taskService.setDueDate(draft.getId(), Date.from(Instant.now().minusSeconds(3600)));
    }
    String office = http.withBasicAuth("office.sec", "demo").getForObject("/progress?phase=" + phaseId, String.class);
    assertThat(office).contains("制定承诺", "同里镇古镇初级中学党支部", "吴江市实验小学党支部");
    String town = http.withBasicAuth("town-tongli.sec", "demo").getForObject("/progress?phase=" + phaseId, String.class);
    assertThat(town).contains("中共同里镇委员会", "同里镇古镇初级中学党支部").doesNotContain("吴江市实验小学党支部", "中共吴江市教育局委员会");

    ResponseEntity<byte[]> xlsx = http.withBasicAuth("town-tongli.sec", "demo").getForEntity("/progress.xlsx?phase=" + phaseId, byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(book.getSheet("各单位进度").getRow(0).getCell(1).getStringCellValue()).isEqualTo("公开承诺");
      assertThat(book.getSheet("各单位进度").getRow(1).getCell(0).getStringCellValue()).isEqualTo("中共同里镇委员会");
      assertThat(book.getSheet("各单位进度").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
      assertThat(book.getSheet("逾期任务").getRow(1).getCell(2).getStringCellValue()).isEqualTo("制定承诺");
      assertThat(book.getSheet("逾期任务").getRow(1).getCell(4).getStringCellValue()).isEqualTo("同里镇古镇初级中学党支部");
    }
  }

  @Test
  void aSchoolSecretaryAndAStrangerAreKeptOut() {
    assertThat(http.withBasicAuth("tl-zx.sec", "demo").getForEntity("/progress", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // Without a login a browser is sent to the Tasklist login (no Basic challenge).
    cn.wujiang.cxzy.config.Http plain = new cn.wujiang.cxzy.config.Http(port);
    for (String path : java.util.List.of("/progress", "/progress.xlsx")) {
      java.net.http.HttpResponse<String> stranger = plain.get(path);
      assertThat(stranger.statusCode()).isEqualTo(302);
      assertThat(stranger.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist/default/");
    }
  }
}
