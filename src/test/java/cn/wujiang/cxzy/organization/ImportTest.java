package cn.wujiang.cxzy.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;

/**
 * The city office imports organizations and members through the API: CSV with or without BOM, with
 * English or Chinese headers, or XLSX; a re-import updates; new logins get an initial password once.
 * Everything imported here is removed again, so the shared demo city stays as loaded.
 */
@DemoCityTest
@ExtendWith(OutputCaptureExtension.class)
class ImportTest {

  static final String ORGANIZATIONS = "/api/import/organizations";
  static final String MEMBERS = "/api/import/members";
  static final List<String> ORG_CODES = List.of("zt-edu", "zt-school", "zt-clinic");
  static final List<String> MEMBER_NOS = List.of("ZT001", "ZT002", "ZT003", "ZT004");
  static final List<String> USERNAMES = List.of("zt.sec", "zt.liaison", "zt.m1");

  @LocalServerPort
  int port;

  @Autowired
  OrganizationService organizations;

  @Autowired
  IdentityService identityService;

  @Autowired
  ApplicationContext context;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    removeTestData();
  }

  @AfterEach
  void removeTestData() {
    new TestCity(context).remove(ORG_CODES, MEMBER_NOS, USERNAMES);
  }

  static Stream<Arguments> organizationFiles() throws IOException {
    return Stream.of(
        Arguments.of("CSV，英文表头，无 BOM", "organizations.csv", TestCity.resource("import/organizations.csv")),
        Arguments.of("CSV UTF-8 带 BOM（Excel 另存）", "organizations.csv",
            TestCity.resource("import/organizations-bom.csv")),
        Arguments.of("CSV，中文表头", "组织.csv", TestCity.resource("import/organizations-chinese-header.csv")),
        Arguments.of("XLSX，中文表头", "组织.xlsx", organizationsXlsx()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("organizationFiles")
  void theCityOfficeImportsOrganizationsAndTheyAreRoutedAtOnce(String what, String fileName, byte[] file) {
    HttpResponse<String> response = http.upload(ORGANIZATIONS, fileName, file, "office.sec", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.path("message").asText()).isEqualTo("导入成功：新增 3 条，更新 0 条");
    assertThat(body.path("created").asInt()).isEqualTo(3);
    assertThat(body.path("updated").asInt()).isZero();
    assertThat(body.path("credentials")).isEmpty();

    Organization school = organizations.get("zt-school");
    assertThat(school.getName()).isEqualTo("同里镇测试实验小学党支部");
    assertThat(school.getType()).isEqualTo(OrgType.BRANCH);
    assertThat(school.getSystem()).isEqualTo(OrgSystem.EDUCATION);
    assertThat(school.getLeaderCode()).isEqualTo("zt-edu");
    assertThat(school.isGrassroots()).isTrue();
    assertThat(school.getUnitName()).isEqualTo("同里镇测试实验小学");
    assertThat(organizations.get("zt-edu").isGrassroots()).isFalse();
    assertThat(organizations.get("zt-clinic").getSystem()).isEqualTo(OrgSystem.HEALTH);

    assertThat(identityService.createGroupQuery().groupId("zt-school").singleResult().getName())
        .isEqualTo("同里镇测试实验小学党支部");
    assertThat(organizations.directLeader("zt-school").getCode()).isEqualTo("zt-edu");
    assertThat(organizations.approvers("zt-school")).extracting(Organization::getCode)
        .containsExactlyInAnyOrder("town-tongli", "edu-bureau");
    assertThat(organizations.approvers("zt-clinic")).extracting(Organization::getCode)
        .containsExactlyInAnyOrder("town-tongli", "health-bureau");
    assertThat(organizations.scope("town-tongli")).extracting(Organization::getCode)
        .containsExactly("tl-zx", "zt-clinic", "zt-school");
  }

  @Test
  void importingTheSameFilesAgainUpdatesAndChangesNothing() {
    byte[] orgFile = TestCity.resource("import/organizations.csv");
    byte[] memberFile = TestCity.resource("import/members.csv");
    assertThat(http.upload(ORGANIZATIONS, "o.csv", orgFile, "office.sec", "demo").statusCode()).isEqualTo(200);
    JsonNode first = Http.json(http.upload(MEMBERS, "m.csv", memberFile, "office.sec", "demo"));
    assertThat(first.path("created").asInt()).isEqualTo(4);
    assertThat(first.path("credentials")).hasSize(3);
    CitySnapshot before = CitySnapshot.take(organizations, identityService);

    JsonNode orgsAgain = Http.json(http.upload(ORGANIZATIONS, "o.csv", orgFile, "office.sec", "demo"));
    JsonNode membersAgain = Http.json(http.upload(MEMBERS, "m.csv", memberFile, "office.sec", "demo"));

    assertThat(orgsAgain.path("message").asText()).isEqualTo("导入成功：新增 0 条，更新 3 条");
    assertThat(orgsAgain.path("created").asInt()).isZero();
    assertThat(orgsAgain.path("updated").asInt()).isEqualTo(3);
    assertThat(membersAgain.path("message").asText()).isEqualTo("导入成功：新增 0 条，更新 4 条");
    assertThat(membersAgain.path("created").asInt()).isZero();
    assertThat(membersAgain.path("updated").asInt()).isEqualTo(4);
    assertThat(membersAgain.path("credentials")).as("no password the second time").isEmpty();
    assertThat(CitySnapshot.take(organizations, identityService)).isEqualTo(before);
  }

  @Test
  void aChangedNameInAReimportUpdatesTheOrganizationItsGroupAndTheLogin() {
    String orgs = TestCity.text("import/organizations.csv");
    String members = TestCity.text("import/members.csv");
    http.upload(ORGANIZATIONS, "o.csv", utf8(orgs), "office.sec", "demo");
    http.upload(MEMBERS, "m.csv", utf8(members), "office.sec", "demo");

    JsonNode orgAnswer = Http.json(http.upload(ORGANIZATIONS, "o.csv",
        utf8(orgs.replace("同里镇测试实验小学党支部", "同里镇测试中心小学党支部")), "office.sec", "demo"));
    JsonNode memberAnswer = Http.json(http.upload(MEMBERS, "m.csv",
        utf8(members.replace("钱测试", "钱新名")), "office.sec", "demo"));

    assertThat(orgAnswer.path("created").asInt()).isZero();
    assertThat(orgAnswer.path("updated").asInt()).isEqualTo(3);
    assertThat(organizations.get("zt-school").getName()).isEqualTo("同里镇测试中心小学党支部");
    assertThat(identityService.createGroupQuery().groupId("zt-school").singleResult().getName())
        .isEqualTo("同里镇测试中心小学党支部");
    assertThat(memberAnswer.path("created").asInt()).isZero();
    assertThat(memberAnswer.path("credentials")).isEmpty();
    assertThat(organizations.member("ZT001")).get().extracting(Member::getName).isEqualTo("钱新名");
    assertThat(identityService.createUserQuery().userId("zt.sec").singleResult().getFirstName())
        .isEqualTo("钱新名");
  }

  @Test
  void newLoginsGetAnInitialPasswordOnceThatWorksAndIsNeverLogged(CapturedOutput output) {
    http.upload(ORGANIZATIONS, "o.csv", TestCity.resource("import/organizations.csv"), "office.sec", "demo");

    HttpResponse<String> response = http.upload(MEMBERS, "m.csv", TestCity.resource("import/members.csv"),
        "office.sec", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.path("created").asInt()).isEqualTo(4);
    assertThat(body.path("message").asText()).contains("新建账号 3 个");
    JsonNode credentials = body.path("credentials");
    assertThat(credentials).extracting(c -> c.path("username").asText())
        .containsExactlyInAnyOrder("zt.sec", "zt.liaison", "zt.m1");
    List<String> passwords = Stream.of(0, 1, 2).map(i -> credentials.get(i).path("password").asText()).toList();
    assertThat(passwords).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).hasSize(12).isNotEqualTo("demo"));
    JsonNode secretary = Stream.of(0, 1, 2).map(credentials::get)
        .filter(c -> c.path("username").asText().equals("zt.sec")).findFirst().orElseThrow();
    assertThat(secretary.path("memberNo").asText()).isEqualTo("ZT001");
    assertThat(secretary.path("name").asText()).isEqualTo("钱测试");
    assertThat(secretary.path("orgName").asText()).isEqualTo("同里镇测试实验小学党支部");

    User user = identityService.createUserQuery().userId("zt.sec").singleResult();
    assertThat(user.getFirstName()).isEqualTo("钱测试");
    assertThat(user.getLastName()).isEqualTo("校长");
    assertThat(user.getEmail()).isEqualTo("zt.sec@example.org");
    assertThat(identityService.createUserQuery().userId("ZT004").count())
        .as("a member without username gets no login").isZero();

    HttpResponse<String> profile = http.get("/engine-rest/user/zt.sec/profile", "zt.sec",
        secretary.path("password").asText());
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    assertThat(Http.json(profile).path("firstName").asText()).isEqualTo("钱测试");

    assertThat(output.getAll()).as("the import was logged while the output was captured")
        .contains("Identity synchronized");
    for (String password : passwords) {
      assertThat(output.getAll()).doesNotContain(password);
    }
  }

  @Test
  void theInitialPasswordsCanBeDownloadedAsCsvToPrint() throws IOException {
    http.upload(ORGANIZATIONS, "o.csv", TestCity.resource("import/organizations.csv"), "office.sec", "demo");

    HttpResponse<String> response = http.upload(MEMBERS + "?format=csv", "m.csv",
        TestCity.resource("import/members.csv"), "office.sec", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/csv"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.body()).as("Excel opens it as UTF-8").startsWith("\uFEFF");
    List<CSVRecord> records = CSVFormat.DEFAULT.parse(new java.io.StringReader(response.body().substring(1)))
        .getRecords();
    assertThat(records.get(0).toList()).containsExactly("党员编号", "姓名", "组织", "用户名", "初始密码");
    assertThat(records).hasSize(4);
    CSVRecord liaison = records.stream().filter(r -> r.get(3).equals("zt.liaison")).findFirst().orElseThrow();
    assertThat(liaison.toList().subList(0, 3)).containsExactly("ZT002", "孙测试", "同里镇测试实验小学党支部");

    HttpResponse<String> tasks = http.get("/engine-rest/task", "zt.liaison", liaison.get(4));
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
  }

  @Test
  void formulaLikeNamesInThePasswordsCsvAreTextThatNoSpreadsheetRuns() throws IOException {
    http.upload(ORGANIZATIONS, "o.csv", TestCity.resource("import/organizations.csv"), "office.sec", "demo");
    String members = TestCity.text("import/members.csv").replace("钱测试", "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"点此\"\")\"")
        .replace("孙测试", "+孙测试").replace("李测试", "@李测试");

    HttpResponse<String> response = http.upload(MEMBERS + "?format=csv", "m.csv", utf8(members), "office.sec",
        "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<CSVRecord> records = CSVFormat.DEFAULT.parse(new java.io.StringReader(response.body().substring(1)))
        .getRecords();
    assertThat(records.subList(1, records.size())).extracting(r -> r.get(1)).containsExactlyInAnyOrder(
        "'=HYPERLINK(\"http://evil.example\",\"点此\")", "'+孙测试", "'@李测试");
    assertThat(organizations.member("ZT001")).get().extracting(Member::getName)
        .as("the name itself is kept as imported").isEqualTo("=HYPERLINK(\"http://evil.example\",\"点此\")");
  }

  @Test
  void theAdministratorMayImportToo() {
    HttpResponse<String> response = http.upload(ORGANIZATIONS, "o.csv",
        TestCity.resource("import/organizations.csv"), "admin", "admin");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(organizations.find("zt-school")).isPresent();
  }

  @Test
  void aSchoolSecretaryMayNotImportAndNothingIsSaved() {
    CitySnapshot before = CitySnapshot.take(organizations, identityService);

    HttpResponse<String> orgs = http.upload(ORGANIZATIONS, "o.csv",
        TestCity.resource("import/organizations.csv"), "sl-zx.sec", "demo");
    HttpResponse<String> members = http.upload(MEMBERS, "m.csv",
        TestCity.resource("import/members.csv"), "sl-zx.sec", "demo");

    assertThat(orgs.statusCode()).isEqualTo(403);
    assertThat(Http.json(orgs).path("message").asText())
        .isEqualTo("只有市委创先争优活动领导小组办公室或系统管理员可以进行此操作");
    assertThat(members.statusCode()).isEqualTo(403);
    assertThat(CitySnapshot.take(organizations, identityService)).isEqualTo(before);
  }

  private static byte[] organizationsXlsx() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("组织");
      List<String> lines = TestCity.text("import/organizations-chinese-header.csv").lines().toList();
      for (int r = 0; r < lines.size(); r++) {
        XSSFRow row = sheet.createRow(r);
        String[] cells = lines.get(r).split(",", -1);
        for (int c = 0; c < cells.length; c++) {
          if (!cells[c].isEmpty()) {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      return TableReaderTest.bytes(workbook);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
