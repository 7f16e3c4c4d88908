package cn.wujiang.cxzy.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;

/**
 * A file with any error is refused whole: HTTP 400, a Chinese message for each error naming the row
 * (as the spreadsheet numbers it, header = row 1) and the column, and nothing saved, not even its good
 * rows. Every bad file below starts with a good row.
 */
@DemoCityTest
class ImportRejectionTest {

  static final String ORGANIZATIONS = "/api/import/organizations";
  static final String MEMBERS = "/api/import/members";

  /** An expected error: row, column key (null for the whole file or header), part of the message. */
  record Expected(int row, String column, String columnName, String message) {
  }

  static Stream<Arguments> badFiles() throws IOException {
    return Stream.of(
        bad("上级编码不存在", ORGANIZATIONS, fixture("org-unknown-leader.csv"),
            new Expected(3, "leader_code", "上级编码", "第 3 行：上级编码“town-nowhere”不存在")),
        bad("隶属关系成环 a→b→a", ORGANIZATIONS, fixture("org-leadership-cycle.csv"),
            new Expected(2, "leader_code", "上级编码", "第 2 行：隶属关系成环"),
            new Expected(3, "leader_code", "上级编码", "第 3 行：隶属关系成环")),
        bad("文件中编码重复", ORGANIZATIONS, fixture("org-duplicate-code.csv"),
            new Expected(4, "code", "编码", "第 4 行：编码“zt-dup”在文件中重复（第 2 行已有）")),
        bad("缺少必填项", ORGANIZATIONS, fixture("org-missing-name.csv"),
            new Expected(3, "name", "名称", "第 3 行：缺少必填项“名称”")),
        bad("未知类型", ORGANIZATIONS, fixture("org-unknown-type.csv"),
            new Expected(3, "type", "类型", "第 3 行：类型“党小组”无效，应为：党委、党工委、党总支、党支部、办公室")),
        bad("未知系统", ORGANIZATIONS, fixture("org-unknown-system.csv"),
            new Expected(3, "system", "系统", "第 3 行：系统“交通”无效，应为：教育、卫生、综合")),
        bad("表头错误", ORGANIZATIONS, fixture("org-wrong-header.csv"),
            new Expected(1, null, null, "第 1 行：表头不正确（第 2 列应为“名称”，实为“title”）")),
        bad("PNG 图片", ORGANIZATIONS, png(),
            new Expected(0, null, null, "文件不是 CSV 或 XLSX 格式")),
        bad("系统保留的组名", ORGANIZATIONS, fixture("org-reserved-code.csv"),
            new Expected(3, "code", "编码", "第 3 行：编码“camunda-admin”是系统保留的组名"),
            new Expected(4, "code", "编码", "第 4 行：编码“Camunda-Ops”是系统保留的组名")),
        bad("系统保留的用户名", MEMBERS, fixture("member-reserved-username.csv"),
            new Expected(3, "username", "用户名", "第 3 行：用户名“admin”是系统保留账号"),
            new Expected(4, "username", "用户名", "第 4 行：用户名“camunda-ops”是系统保留账号")),
        bad("文件中用户名重复", MEMBERS, fixture("member-duplicate-username.csv"),
            new Expected(3, "username", "用户名", "第 3 行：用户名“zt.same”在文件中重复（第 2 行已有）")),
        bad("用户名已被其他党员使用", MEMBERS, fixture("member-username-taken.csv"),
            new Expected(3, "username", "用户名", "第 3 行：用户名“sl-zx.sec”已被党员 M00054 使用")),
        bad("未知角色", MEMBERS, fixture("member-unknown-role.csv"),
            new Expected(3, "role", "角色", "第 3 行：角色“团员”无效，应为：书记、联络员、党员")),
        bad("党员所在组织不存在", MEMBERS, fixture("member-unknown-organization.csv"),
            new Expected(3, "org_code", "组织编码", "第 3 行：组织编码“zt-nowhere”不存在，请先导入组织")),
        bad("XLSX 中党员所在组织不存在", MEMBERS, xlsxWithUnknownOrganization(),
            new Expected(5, "org_code", "组织编码", "第 5 行：组织编码“zt-nowhere”不存在")),
        bad("随机字节", MEMBERS, noise(),
            new Expected(0, null, null, "文件不是 CSV 或 XLSX 格式")));
  }

  @LocalServerPort
  int port;

  @Autowired
  OrganizationService organizations;

  @Autowired
  IdentityService identityService;

  @Autowired
  ApplicationContext context;

  @BeforeEach
  @AfterEach
  void removeWhatAnyTestMightHaveLeft() {
    new TestCity(context).remove(
        List.of("zt-bad1", "zt-bad2", "zt-cycle-a", "zt-cycle-b", "zt-dup", "zt-other"),
        List.of("ZT901", "ZT902"), List.of("zt.same", "zt.valid", "zt.other"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileIsRefusedWithRowAndColumnAndNothingIsSaved(String what, String endpoint, byte[] file,
      List<Expected> expected) {
    CitySnapshot before = CitySnapshot.take(organizations, identityService);
    assertThat(before.memberships()).as("the demo city is loaded").isNotEmpty();

    HttpResponse<String> response = new Http(port).upload(endpoint, "import.csv", file, "office.sec", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = Http.json(response);
    assertThat(body.path("message").asText()).contains("导入失败").contains("未保存任何数据");
    assertThat(body.path("errors")).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode error = body.path("errors").get(i);
      Expected e = expected.get(i);
      assertThat(error.path("row").asInt()).as("row").isEqualTo(e.row());
      assertThat(error.path("column").isNull() ? null : error.path("column").asText()).as("column")
          .isEqualTo(e.column());
      assertThat(error.path("columnName").isNull() ? null : error.path("columnName").asText())
          .as("columnName").isEqualTo(e.columnName());
      assertThat(error.path("message").asText()).contains(e.message());
    }
    assertThat(CitySnapshot.take(organizations, identityService)).isEqualTo(before);
  }

  @Test
  void aCodeOrUsernameTheEngineHoldsForSomethingElseIsRefused() {
    Group auditors = identityService.newGroup("zt-auditors");
    auditors.setName("审计组");
    auditors.setType("SYSTEM");
    identityService.saveGroup(auditors);
    User outsider = identityService.newUser("zt.outsider");
    outsider.setPassword("Outsider2026");
    identityService.saveUser(outsider);
    try {
      CitySnapshot before = CitySnapshot.take(organizations, identityService);
      Http http = new Http(port);

      HttpResponse<String> orgs = http.upload(ORGANIZATIONS, "o.csv", utf8("code,name,type,system,leader_code,grassroots,unit\n"
          + "zt-auditors,同里镇测试审计支部,党支部,教育,town-tongli,是,同里镇测试校\n"), "office.sec", "demo");
      HttpResponse<String> members = http.upload(MEMBERS, "m.csv", utf8("member_no,name,org_code,role,position,email,username\n"
          + "ZT901,钱测试,tl-zx,书记,教师,,zt.outsider\n"), "office.sec", "demo");

      assertThat(orgs.statusCode()).as(orgs.body()).isEqualTo(400);
      assertThat(Http.json(orgs).path("errors").get(0).path("message").asText())
          .contains("第 2 行：编码“zt-auditors”是系统保留的组名");
      assertThat(members.statusCode()).as(members.body()).isEqualTo(400);
      assertThat(Http.json(members).path("errors").get(0).path("message").asText())
          .contains("第 2 行：用户名“zt.outsider”是系统保留账号");
      assertThat(CitySnapshot.take(organizations, identityService)).isEqualTo(before);
      assertThat(identityService.createUserQuery().memberOfGroup("tl-zx").userId("zt.outsider").count()).isZero();
    } finally {
      identityService.deleteGroup("zt-auditors");
      identityService.deleteUser("zt.outsider");
    }
  }

  @Test
  void aRefusedFileAskedForAsCsvStillAnswersWithItsErrors() {
    HttpResponse<String> response = new Http(port).upload(MEMBERS + "?format=csv", "m.csv",
        fixture("member-unknown-role.csv"), "office.sec", "demo");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).path("errors").get(0).path("message").asText()).contains("角色“团员”无效");
  }

  @Test
  void aRefusedFileWithAcceptTextCsvStillAnswers400WithItsErrors() {
    HttpResponse<String> response = new Http(port).upload(MEMBERS, "m.csv", fixture("member-unknown-role.csv"),
        "office.sec", "demo", Map.of("Accept", "text/csv"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).path("errors").get(0).path("message").asText()).contains("角色“团员”无效");
  }

  private static Arguments bad(String what, String endpoint, byte[] file, Expected... expected) {
    return Arguments.of(what, endpoint, file, List.of(expected));
  }

  private static byte[] fixture(String name) {
    return TestCity.resource("import/bad/" + name);
  }

  private static byte[] png() {
    byte[] png = new byte[256];
    new Random(1).nextBytes(png);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(signature, 0, png, 0, signature.length);
    return png;
  }

  private static byte[] noise() {
    byte[] noise = new byte[4096];
    new Random(2010).nextBytes(noise);
    noise[0] = (byte) 0xFE;
    return noise;
  }

  /** A workbook whose fifth row (after two empty ones) names an organization that does not exist. */
  private static byte[] xlsxWithUnknownOrganization() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("党员");
      row(sheet.createRow(0), "党员编号", "姓名", "组织编码", "角色", "岗位", "邮箱", "用户名");
      row(sheet.createRow(1), "ZT901", "钱测试", "tl-zx", "党员", "教师", "", "zt.valid");
      row(sheet.createRow(4), "ZT902", "孙测试", "zt-nowhere", "党员", "教师", "", "zt.other");
      return TableReaderTest.bytes(workbook);
    }
  }

  private static void row(XSSFRow row, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      row.createCell(i).setCellValue(cells[i]);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
