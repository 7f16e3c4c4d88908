package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.campaign.TestPhases;
import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * The export of a phase's results: the city office gets every organization's, a leading body those it
 * leads or guides, a school's secretary nothing. And the city office starts a year's evaluations.
 */
@DemoCityTest
class EvaluationExportTest {

  @Autowired EvaluationStarter starter;
  @Autowired EvaluationService evaluations;
  @Autowired BallotService ballots;
  @Autowired OrganizationService organizations;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private String phase;

  @BeforeEach
  void setUp() {
    phase = "x" + UUID.randomUUID().toString().substring(0, 8);
    TestPhases.record(jdbc, phase);
  }

  @Test
  void theCityOfficeExportsAllALeadingBodyItsOwnScopeAndASchoolNothing() throws IOException {
    for (String org : List.of("tl-zx", "sl-zx", "edu-syxx", "sh-nk")) {
      scored(org);
    }
    starter.start("sz-xx", phase, 2026);

    Map<String, List<String>> office = organizationsIn(export("office.sec"));
    assertThat(office.get("党组织")).containsExactlyInAnyOrder("同里镇古镇初级中学党支部", "松陵镇启明初级中学党支部",
        "吴江市实验小学党支部", "江苏盛泽医院内科党支部");
    Map<String, List<String>> town = organizationsIn(export("town-tongli.sec"));
    assertThat(organizations.visibleScope("town-tongli")).extracting(o -> o.getCode()).containsExactly("tl-zx");
    assertThat(town.get("党组织")).containsExactly("同里镇古镇初级中学党支部");
    assertThat(town.get("党员")).hasSize(organizations.members("tl-zx").size());
    // The education bureau leads its own schools and guides every school.
    assertThat(organizationsIn(export("edu-bureau.sec")).get("党组织")).containsExactlyInAnyOrder(
        "同里镇古镇初级中学党支部", "松陵镇启明初级中学党支部", "吴江市实验小学党支部");
    assertThat(organizationsIn(export("hospital-shengze.sec")).get("党组织")).containsExactly("江苏盛泽医院内科党支部");

    HttpResponse<String> school = new Http(port).get(path(), "tl-zx.sec", "demo");
    assertThat(school.statusCode()).isEqualTo(403);
    assertThat(Http.json(school).get("message").asText()).isEqualTo("只有上级党组织和市委创先争优活动领导小组办公室可以导出群众评议结果");
    assertThat(new Http(port).get(path()).statusCode()).isEqualTo(401);
  }

  @Test
  void theWorkbookHasChineseHeadersAndTheScoresOfEveryOrganizationAndMember() throws IOException {
    scored("tl-zx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export("office.sec")))) {
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
          workbook.getSheetName(3))).containsExactly("组织评议结果", "党员评议结果", "等次调整", "群众意见建议");
      assertThat(row(workbook.getSheetAt(0), 0)).containsSequence("年度", "时段", "系统", "上级党组织", "党组织", "状态",
          "有效评议票", "电子票", "纸质票", "领导班子好", "党员队伍好", "工作机制好", "工作业绩好", "群众反映好", "群众满意率");
      List<String> org = row(workbook.getSheetAt(0), 1);
      assertThat(org).containsSequence("2026", phase, "教育", "中共同里镇委员会", "同里镇古镇初级中学党支部", "待确认", "2", "2", "0",
          "100.00");
      assertThat(org).contains("100.0%", "优秀", "是");
      assertThat(row(workbook.getSheetAt(1), 0)).containsSequence("年度", "党组织", "党员编号", "姓名", "评价票数", "优秀", "合格");
      assertThat(workbook.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(1 + organizations.members("tl-zx").size());
      assertThat(row(workbook.getSheetAt(3), 1)).containsExactly("2026", "同里镇古镇初级中学党支部", "感谢老师们的付出");
    }
  }

  @Test
  void theCityOfficeStartsAYearsEvaluationsForEveryGrassrootsOrganization() {
    Http http = new Http(port);
    HttpResponse<String> denied = http.postJson("/api/phases/" + phase + "/evaluations/2026", "{}", "town-tongli.sec", "demo");
    assertThat(denied.statusCode()).isEqualTo(403);
    HttpResponse<String> started = http.postJson("/api/phases/" + phase + "/evaluations/2026", "{}", "office.sec", "demo");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    long grassroots = organizations.all().stream().filter(o -> o.isGrassroots()).count();
    assertThat(Http.json(started).get("message").asText()).isEqualTo("已为 " + grassroots + " 个基层党组织启动 2026 年度群众评议");
    HttpResponse<String> again = http.postJson("/api/phases/" + phase + "/evaluations/2026", "{}", "office.sec", "demo");
    assertThat(Http.json(again).get("started")).isEmpty();
    assertThat(http.postJson("/api/phases/" + phase + "/evaluations/1999", "{}", "office.sec", "demo").statusCode())
        .isEqualTo(400);
    runtimeService.createProcessInstanceQuery().processDefinitionKey(EvaluationProcess.KEY).list().stream()
        .filter(p -> p.getBusinessKey().contains(":" + phase + ":"))
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test"));
  }

  // ---------------------------------------------------------------------------------------------

  /** Runs the organization's evaluation to its results: two ballots, closed by hand, scored. */
  private void scored(String orgCode) {
    ProcessInstance pi = starter.start(orgCode, phase, 2026);
    managementService.executeJob(job(pi).getId());
    List<String> codes = evaluations.sheet(evaluations.get(new EvaluationKey(orgCode, phase, 2026)));
    for (int i = 0; i < 2; i++) {
      ballots.cast(codes.get(i), MassEvaluationProcessTest.ballot(Satisfaction.SATISFIED, Map.of(),
          i == 0 ? "感谢老师们的付出" : null));
    }
    Task run = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.claim(run.getId(), orgCode + ".sec");
    formService.submitTaskForm(run.getId(), Map.of("usePaper", "none"));
    managementService.executeJob(job(pi).getId());
  }

  private org.camunda.bpm.engine.runtime.Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
  }

  private String path() {
    return "/api/evaluations/" + phase + "/results.xlsx";
  }

  private byte[] export(String user) {
    try {
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + path())).header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(user).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(EvaluationApiController.XLSX.toString());
      assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
          .contains(".xlsx");
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The organizations named on the organizations' sheet, and the member rows. */
  private static Map<String, List<String>> organizationsIn(byte[] xlsx) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> orgs = new ArrayList<>();
      Sheet sheet = workbook.getSheet("组织评议结果");
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        orgs.add(row(sheet, i).get(4));
      }
      List<String> members = new ArrayList<>();
      Sheet memberSheet = workbook.getSheet("党员评议结果");
      for (int i = 1; i <= memberSheet.getLastRowNum(); i++) {
        members.add(row(memberSheet, i).get(2));
      }
      return Map.of("党组织", orgs, "党员", members);
    }
  }

  private static List<String> row(Sheet sheet, int index) {
    DataFormatter formatter = new DataFormatter();
    Row row = sheet.getRow(index);
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.getLastCellNum(); i++) {
      cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
    }
    return cells;
  }
}
