package cn.wujiang.cxzy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.campaign.TestPhases;

/**
 * Who may do what, through /engine-rest and /api with HTTP Basic, as Tasklist, Cockpit, Admin or a
 * script would: one row per action, one column per role, the answer each gets. A read that the
 * engine filters is "404" (one item) or "none" (a list without it); "seen" is a list with it.
 * The city office changes no process's life through the engine (only through the application's own
 * phase endpoints), starts only the phase, and nobody but the administrator deploys, deletes, or
 * manages users, groups and authorizations.
 */
@DemoCityTest
class AuthorizationMatrixTest {

  static final String TEST_PROCESS = "organizationTask";
  static final String PROBE = "ztMatrixProbe";
  static final String PROBE_DEPLOYMENT = "authorization-matrix-probe";
  static final String NEW_USER = "zt.matrix";
  static final String NEW_GROUP = "zt-matrix";
  static final String GRANT_RESOURCE = "zt-matrix-probe";
  static final String PHASE = "zt-matrix-phase";
  static final List<String> PROCESSES = List.of("campaignPhase", "orgCycle", "publicCommitment",
      "commitmentFulfilment", "leadershipReview", "massEvaluation", "commendation", "supervision");

  /** A login, and the organization whose task is its own and one whose task is another's. */
  enum Role {
    ANONYMOUS(null, null, "tl-zx", "sl-zx"),
    MEMBER("tl-zx.m1", "demo", "tl-zx", "sl-zx"),
    SECRETARY("tl-zx.sec", "demo", "tl-zx", "sl-zx"),
    OTHER_SECRETARY("sl-zx.sec", "demo", "sl-zx", "tl-zx"),
    TOWN("town-tongli.sec", "demo", "town-tongli", "sl-zx"),
    BUREAU("edu-bureau.sec", "demo", "edu-bureau", "sl-zx"),
    CITY_OFFICE("office.sec", "demo", "city-office", "sl-zx"),
    ADMIN("admin", "admin", "tl-zx", "sl-zx");

    final String login;
    final String password;
    final String ownOrg;
    final String otherOrg;

    Role(String login, String password, String ownOrg, String otherOrg) {
      this.login = login;
      this.password = password;
      this.ownOrg = ownOrg;
      this.otherOrg = otherOrg;
    }
  }

  //                                 ANONYMOUS MEMBER SECRETARY OTHER_SEC TOWN  BUREAU OFFICE  ADMIN
  static final Map<String, List<String>> EXPECTED = table(
      row("read own organization's task",    "401", "404", "200", "200", "200", "200", "200", "200"),
      row("read another's task",             "401", "404", "404", "404", "404", "404", "200", "200"),
      row("complete own organization's task", "401", "403", "204", "204", "204", "204", "204", "204"),
      row("complete another's task",         "401", "403", "403", "403", "403", "403", "403", "204"),
      row("read own task's variables",       "401", "403", "200", "200", "200", "200", "200", "200"),
      row("read another task's variables",   "401", "403", "403", "403", "403", "403", "200", "200"),
      row("read the school's instance",      "401", "404", "404", "404", "200", "200", "200", "200"),
      row("read the school's history",       "401", "none", "none", "none", "none", "none", "seen", "seen"),
      row("read the school's task history",  "401", "none", "none", "none", "none", "none", "seen", "seen"),
      row("offered in 发起流程",              "401", "none", "none", "none", "none", "none", "campaignPhase", "campaignPhase"),
      row("start campaignPhase",             "401", "403", "403", "403", "403", "403", "400", "400"),
      row("start orgCycle",                  "401", "403", "403", "403", "403", "403", "403", "allowed"),
      row("start publicCommitment",          "401", "403", "403", "403", "403", "403", "403", "allowed"),
      row("start commitmentFulfilment",      "401", "403", "403", "403", "403", "403", "403", "allowed"),
      row("start leadershipReview",          "401", "403", "403", "403", "403", "403", "403", "allowed"),
      row("start massEvaluation",            "401", "403", "403", "403", "403", "403", "403", "allowed"),
      row("start commendation",              "401", "403", "403", "403", "403", "403", "403", "allowed"),
      row("start supervision",               "401", "403", "403", "403", "403", "403", "403", "allowed"),
      row("deploy",                          "401", "403", "403", "403", "403", "403", "403", "200"),
      row("delete a process instance",       "401", "403", "403", "403", "403", "403", "403", "204"),
      row("delete a process definition",     "401", "403", "403", "403", "403", "403", "403", "deleted"),
      row("create a user",                   "401", "403", "403", "403", "403", "403", "403", "204"),
      row("create a group",                  "401", "403", "403", "403", "403", "403", "403", "204"),
      row("create an authorization",         "401", "403", "403", "403", "403", "403", "403", "200"),
      row("read own profile",                "401", "200", "200", "200", "200", "200", "200", "200"),
      row("delete own account",              "401", "403", "403", "403", "403", "403", "403", "n/a"),
      row("set password 1",                  "401", "400", "400", "400", "400", "400", "400", "400"),
      row("import",                          "401", "403", "403", "403", "403", "403", "400", "400"),
      row("export",                          "401", "403", "403", "403", "200", "200", "200", "200"),
      row("end a phase",                     "401", "403", "403", "403", "403", "403", "400", "400"));

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Autowired
  IdentityService identityService;

  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  JdbcTemplate jdbc;

  final ObjectMapper json = new ObjectMapper();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final Map<String, ProcessInstance> instances = new LinkedHashMap<>();
  List<String> processesBefore;

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    EXPECTED.forEach((action, expected) -> {
      for (Role role : Role.values()) {
        cases.add(Arguments.of(action, role, expected.get(role.ordinal())));
      }
    });
    return cases.stream();
  }

  @BeforeEach
  void startATaskForEachOrganization() {
    identityService.clearAuthentication();
    repositoryService.createDeployment()
        .name("organization-task-test")
        .addClasspathResource("test-processes/organizationTask.bpmn")
        .enableDuplicateFiltering(true)
        .deploy();
    removeWhatTheTestMade();
    processesBefore = runtimeService.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
    for (String org : List.of("tl-zx", "sl-zx", "town-tongli", "edu-bureau", "city-office")) {
      instances.put(org, runtimeService.startProcessInstanceByKey(TEST_PROCESS, org + ":matrix",
          Map.of("orgCode", org, "candidateGroup", org, "dueDate", Date.from(Instant.now().plus(7, ChronoUnit.DAYS)))));
    }
    TestPhases.record(jdbc, PHASE);
  }

  @AfterEach
  void removeWhatTheTestMade() {
    identityService.clearAuthentication();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(TEST_PROCESS).list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
    if (processesBefore != null) {
      // What an administrator's start made, whatever it is, without running its listeners.
      runtimeService.createProcessInstanceQuery().list().stream()
          .filter(p -> !processesBefore.contains(p.getId()) && p.getId().equals(p.getRootProcessInstanceId()))
          .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished", true, true));
    }
    repositoryService.createDeploymentQuery().deploymentName(PROBE_DEPLOYMENT).list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    if (identityService.createUserQuery().userId(NEW_USER).count() > 0) {
      identityService.deleteUser(NEW_USER);
    }
    if (identityService.createGroupQuery().groupId(NEW_GROUP).count() > 0) {
      identityService.deleteGroup(NEW_GROUP);
    }
    authorizationService.createAuthorizationQuery().resourceId(GRANT_RESOURCE).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    instances.clear();
  }

  @ParameterizedTest(name = "{1} × {0} → {2}")
  @MethodSource("matrix")
  void eachRoleGetsWhatItMayDoAndNoMore(String action, Role role, String expected) {
    assertThat(outcome(action, role)).as("%s × %s", role, action).isEqualTo(expected);
  }

  private String outcome(String action, Role role) {
    String own = taskOf(role.ownOrg);
    String other = taskOf(role.otherOrg);
    String school = instances.get("tl-zx").getId();
    if (action.startsWith("start ")) {
      String key = action.substring("start ".length());
      // As Tasklist's 发起流程 does; an empty start form is refused (400) only once the start is allowed.
      String status = status(send(role, "POST", "/engine-rest/process-definition/key/" + key + "/submit-form",
          "{\"variables\":{}}"));
      return role == Role.ADMIN && !key.equals("campaignPhase") && !status.equals("403") && !status.equals("401")
          ? "allowed" : status;
    }
    return switch (action) {
      case "read own organization's task" -> status(send(role, "GET", "/engine-rest/task/" + own, null));
      case "read another's task" -> status(send(role, "GET", "/engine-rest/task/" + other, null));
      case "complete own organization's task" -> status(send(role, "POST", "/engine-rest/task/" + own + "/complete", "{}"));
      case "complete another's task" -> status(send(role, "POST", "/engine-rest/task/" + other + "/complete", "{}"));
      case "read own task's variables" -> status(send(role, "GET", "/engine-rest/task/" + own + "/variables", null));
      case "read another task's variables" -> status(send(role, "GET", "/engine-rest/task/" + other + "/variables", null));
      case "read the school's instance" -> status(send(role, "GET", "/engine-rest/process-instance/" + school, null));
      case "read the school's history" ->
          seen(send(role, "GET", "/engine-rest/history/process-instance?processInstanceId=" + school, null));
      case "read the school's task history" ->
          seen(send(role, "GET", "/engine-rest/history/task?processInstanceId=" + school, null));
      case "offered in 发起流程" -> startable(send(role, "GET",
          "/engine-rest/process-definition?latest=true&active=true&startableInTasklist=true"
              + "&startablePermissionCheck=true", null));
      case "deploy" -> status(sendMultipart(role, "/engine-rest/deployment/create", probe()));
      case "delete a process instance" -> status(send(role, "DELETE", "/engine-rest/process-instance/" + school, null));
      case "delete a process definition" -> deleteDefinition(role);
      case "create a user" -> status(send(role, "POST", "/engine-rest/user/create",
          "{\"profile\":{\"id\":\"" + NEW_USER + "\",\"firstName\":\"矩阵\",\"lastName\":\"测试\"},"
              + "\"credentials\":{\"password\":\"Matrix2026x\"}}"));
      case "create a group" -> status(send(role, "POST", "/engine-rest/group/create",
          "{\"id\":\"" + NEW_GROUP + "\",\"name\":\"矩阵测试组\",\"type\":\"WORKFLOW\"}"));
      case "create an authorization" -> status(send(role, "POST", "/engine-rest/authorization/create",
          "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + role.login + "\",\"groupId\":null,"
              + "\"resourceType\":0,\"resourceId\":\"" + GRANT_RESOURCE + "\"}"));
      case "read own profile" -> status(send(role, "GET", "/engine-rest/user/" + role.login + "/profile", null));
      case "delete own account" -> role == Role.ADMIN ? "n/a"
          : status(send(role, "DELETE", "/engine-rest/user/" + role.login, null));
      case "set password 1" -> weakPassword(role);
      case "import" -> status(sendMultipart(role, "/api/import/organizations",
          "code,name,type,system,leader_code,grassroots,unit\n".getBytes(StandardCharsets.UTF_8)));
      case "export" -> status(send(role, "GET", "/api/evaluations/" + PHASE + "/results.xlsx", null));
      case "end a phase" -> status(send(role, "POST", "/api/phases/" + PHASE + "/end", "{}"));
      default -> throw new IllegalArgumentException(action);
    };
  }

  private String deleteDefinition(Role role) {
    String definition = deployProbe();
    HttpResponse<String> response = send(role, "DELETE", "/engine-rest/process-definition/" + definition + "?cascade=true", null);
    boolean gone = repositoryService.createProcessDefinitionQuery().processDefinitionId(definition).count() == 0;
    return response.statusCode() / 100 == 2 && gone ? "deleted" : status(response);
  }

  /** A refused password is refused in Chinese, and the old one still works. */
  private String weakPassword(Role role) {
    HttpResponse<String> response = send(role, "PUT", "/engine-rest/user/" + role.login + "/credentials",
        "{\"password\":\"1\",\"authenticatedUserPassword\":\"" + role.password + "\"}");
    if (response.statusCode() == 400) {
      assertThat(read(response).path("message").asText()).startsWith("密码不符合要求");
      assertThat(identityService.checkPassword(role.login, role.password)).isTrue();
    }
    return status(response);
  }

  private String taskOf(String org) {
    return taskService.createTaskQuery().processInstanceId(instances.get(org).getId()).singleResult().getId();
  }

  private String deployProbe() {
    Deployment deployment = repositoryService.createDeployment().name(PROBE_DEPLOYMENT)
        .addModelInstance(PROBE + ".bpmn", probeModel()).deploy();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId();
  }

  private static BpmnModelInstance probeModel() {
    return Bpmn.createExecutableProcess(PROBE).name("矩阵测试").camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done();
  }

  private static byte[] probe() {
    return Bpmn.convertToString(probeModel()).getBytes(StandardCharsets.UTF_8);
  }

  private static String status(HttpResponse<String> response) {
    return String.valueOf(response.statusCode());
  }

  private String seen(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return status(response);
    }
    return read(response).isEmpty() ? "none" : "seen";
  }

  private String startable(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return status(response);
    }
    String keys = StreamSupport.stream(read(response).spliterator(), false).map(d -> d.path("key").asText())
        .sorted().collect(Collectors.joining(","));
    return keys.isEmpty() ? "none" : keys;
  }

  private JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private HttpResponse<String> send(Role role, String method, String path, String body) {
    HttpRequest.Builder request = request(role, path);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(request);
  }

  private HttpResponse<String> sendMultipart(Role role, String path, byte[] file) {
    String boundary = "----matrix" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + PROBE_DEPLOYMENT + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
        + "filename=\"" + PROBE + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    return send(request(role, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(Role role, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60));
    if (role.login != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((role.login + ":" + role.password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map.Entry<String, List<String>> row(String action, String... expected) {
    assertThat(expected).hasSize(Role.values().length);
    return Map.entry(action, List.of(expected));
  }

  @SafeVarargs
  private static Map<String, List<String>> table(Map.Entry<String, List<String>>... rows) {
    Map<String, List<String>> table = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> row : rows) {
      table.put(row.getKey(), row.getValue());
    }
    return table;
  }
}
