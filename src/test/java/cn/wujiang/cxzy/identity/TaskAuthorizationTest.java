package cn.wujiang.cxzy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;

/**
 * What a school secretary sees and may do in Tasklist: the tasks of its own organization, not those of
 * a school in another town, through the Java API and through /engine-rest alike; and which leaders may
 * read a process instance about a school.
 */
@DemoCityTest
class TaskAuthorizationTest {

  static final String PROCESS = "organizationTask";

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
  FilterService filterService;

  @Autowired
  AuthorizationService authorizationService;

  ProcessInstance songling;
  ProcessInstance tongli;
  Task songlingTask;
  Task tongliTask;

  @BeforeEach
  void startOneTaskForATownSchoolInSonglingAndOneInTongli() {
    identityService.clearAuthentication();
    repositoryService.createDeployment()
        .name("organization-task-test")
        .addClasspathResource("test-processes/organizationTask.bpmn")
        .enableDuplicateFiltering(true)
        .deploy();
    removeInstances();
    songling = start("sl-zx", nextWeek());
    tongli = start("tl-zx", nextWeek());
    songlingTask = taskOf(songling);
    tongliTask = taskOf(tongli);
  }

  @AfterEach
  void removeInstances() {
    identityService.clearAuthentication();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
  }

  @Test
  void aSchoolSecretarySeesOnlyItsOwnOrganizationsTaskAndCannotCompleteAnothers() {
    List<Task> visible = as("sl-zx.sec", List.of("sl-zx"),
        () -> taskService.createTaskQuery().processDefinitionKey(PROCESS).list());
    assertThat(visible).extracting(Task::getId).containsExactly(songlingTask.getId());

    assertThatThrownBy(() -> as("sl-zx.sec", List.of("sl-zx"), () -> {
      taskService.complete(tongliTask.getId());
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThat(taskService.createTaskQuery().taskId(tongliTask.getId()).count()).isOne();

    as("sl-zx.sec", List.of("sl-zx"), () -> {
      taskService.claim(songlingTask.getId(), "sl-zx.sec");
      taskService.complete(songlingTask.getId());
      return null;
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(songling.getId()).count()).isZero();
  }

  @Test
  void theLeadersReadGrantsOnAnInstanceGoWhenItEndsOrIsDeleted() {
    assertThat(grantsOn(songling)).isPositive();
    assertThat(grantsOn(tongli)).isPositive();

    taskService.complete(songlingTask.getId());
    runtimeService.deleteProcessInstance(tongli.getId(), "test", true);

    assertThat(grantsOn(songling)).isZero();
    assertThat(grantsOn(tongli)).isZero();
  }

  private long grantsOn(ProcessInstance instance) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(instance.getId()).count();
  }

  @Test
  void theOtherTownsSchoolSeesOnlyItsOwnTaskToo() {
    List<Task> visible = as("tl-zx.liaison", List.of("tl-zx"),
        () -> taskService.createTaskQuery().processDefinitionKey(PROCESS).list());

    assertThat(visible).extracting(Task::getId).containsExactly(tongliTask.getId());
  }

  @Test
  void overEngineRestASchoolSecretarySeesOnlyItsTaskAndIsRefusedTheOther() {
    Http http = new Http(port);

    HttpResponse<String> mine = http.get("/engine-rest/task?processDefinitionKey=" + PROCESS, "sl-zx.sec", "demo");
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    assertThat(ids(Http.json(mine))).containsExactly(songlingTask.getId());
    HttpResponse<String> all = http.get("/engine-rest/task", "sl-zx.sec", "demo");
    assertThat(ids(Http.json(all))).contains(songlingTask.getId()).doesNotContain(tongliTask.getId());

    HttpResponse<String> refused = http.postJson("/engine-rest/task/" + tongliTask.getId() + "/complete", "{}",
        "sl-zx.sec", "demo");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(Http.json(refused).path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(taskService.createTaskQuery().taskId(tongliTask.getId()).count()).isOne();

    HttpResponse<String> claimed = http.postJson("/engine-rest/task/" + songlingTask.getId() + "/claim",
        "{\"userId\":\"sl-zx.sec\"}", "sl-zx.sec", "demo");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> completed = http.postJson("/engine-rest/task/" + songlingTask.getId() + "/complete",
        "{}", "sl-zx.sec", "demo");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(songlingTask.getId()).count()).isZero();
  }

  @Test
  void theOrganizationFilterListsTheOrganizationsTasksAndMyFilterWhatIClaimed() {
    String organizationFilter = filterId("本组织待办");
    String myFilter = filterId("我的待办");

    List<Task> ofOrganization = as("sl-zx.sec", List.of("sl-zx"), () -> filterService.list(organizationFilter));
    assertThat(ofOrganization).extracting(Task::getId)
        .contains(songlingTask.getId()).doesNotContain(tongliTask.getId());
    List<Task> mineBefore = as("sl-zx.sec", List.of("sl-zx"), () -> filterService.list(myFilter));
    assertThat(mineBefore).extracting(Task::getId).doesNotContain(songlingTask.getId());

    List<Task> mineAfterClaim = as("sl-zx.sec", List.of("sl-zx"), () -> {
      taskService.claim(songlingTask.getId(), "sl-zx.sec");
      return filterService.list(myFilter);
    });
    assertThat(mineAfterClaim).extracting(Task::getId).contains(songlingTask.getId());
    List<Task> colleague = as("sl-zx.liaison", List.of("sl-zx"), () -> filterService.list(organizationFilter));
    assertThat(colleague).as("a task claimed by a colleague stays in the organization's list")
        .extracting(Task::getId).contains(songlingTask.getId());
  }

  @Test
  void aMemberWhoActsForNoOrganizationGetsEmptyOrganizationListsNotAnError() {
    for (String filter : List.of("本组织待办", "已逾期")) {
      List<Task> listed = as("tl-zx.m1", List.of(), () -> filterService.list(filterId(filter)));
      assertThat(listed).as(filter).isEmpty();
    }
  }

  @Test
  void theOverdueFilterListsTheOrganizationsTasksPastTheirDeadline() {
    Task late = taskOf(start("sl-zx", Date.from(Instant.now().minus(2, ChronoUnit.DAYS))));

    List<Task> overdue = as("sl-zx.sec", List.of("sl-zx"), () -> filterService.list(filterId("已逾期")));

    assertThat(overdue).extracting(Task::getId).contains(late.getId())
        .doesNotContain(songlingTask.getId(), tongliTask.getId());
  }

  @Test
  void theTownAndTheGeneralBranchAboveASchoolReadItsProcessInstanceAndOtherTownsDoNot() {
    assertThat(canRead("town-songling.sec", "town-songling", songling)).isTrue();
    assertThat(canRead("sl-edu.sec", "sl-edu", songling)).isTrue();
    assertThat(canRead("office.sec", "city-office", songling)).isTrue();
    assertThat(canRead("town-tongli.sec", "town-tongli", songling)).isFalse();
    assertThat(canRead("tl-zx.sec", "tl-zx", songling)).isFalse();

    assertThat(canRead("town-tongli.sec", "town-tongli", tongli)).isTrue();
    assertThat(canRead("town-songling.sec", "town-songling", tongli)).isFalse();
  }

  @Test
  void theEducationBureauAsSystemGuideReadsTheProcessInstanceOfATownSchool() {
    assertThat(canRead("edu-bureau.sec", "edu-bureau", songling)).isTrue();
    assertThat(canRead("health-bureau.sec", "health-bureau", songling)).isFalse();
  }

  private boolean canRead(String user, String group, ProcessInstance instance) {
    return as(user, List.of(group),
        () -> runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()) == 1;
  }

  private ProcessInstance start(String orgCode, Date due) {
    return runtimeService.startProcessInstanceByKey(PROCESS, orgCode + ":test",
        Map.of("orgCode", orgCode, "candidateGroup", orgCode, "dueDate", due));
  }

  private Task taskOf(ProcessInstance instance) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task).isNotNull();
    return task;
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Date nextWeek() {
    return Date.from(Instant.now().plus(7, ChronoUnit.DAYS));
  }

  private static List<String> ids(JsonNode tasks) {
    return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("id").asText()).toList();
  }
}
