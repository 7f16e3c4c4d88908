package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.Phase;
import cn.wujiang.cxzy.commitment.CommitmentStarter;
import cn.wujiang.cxzy.config.Http;
import cn.wujiang.cxzy.notification.Notice;
import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.organization.ImportService;
import cn.wujiang.cxzy.review.ReviewStarter;
import cn.wujiang.cxzy.supervision.SupervisionProcess;

/**
 * Many people working sibling tasks of one process at the same moment, with the job executor running as
 * in production: nobody gets an error, no job fails even once, every process moves on, every notice is
 * written once. A context of its own (the job executor on, a failed job retried after a second so that a
 * retry would show), closed after the class so that its job executor does not run other tests' jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=500",
    "CXZY_JOB_RETRY_CYCLE=R3/PT1S"})
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrencyTest {

  /** The members of the crowded school: its secretary and 29 more. */
  private static final int CROWD = 30;
  private static final long WAIT_MILLIS = 120_000;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ImportService importService;
  @Autowired CommitmentStarter commitmentStarter;
  @Autowired ReviewStarter reviewStarter;
  @Autowired CampaignService campaign;
  @Autowired NotificationService notifications;
  @Autowired RetryOnConcurrentUpdate retry;
  @LocalServerPort int port;

  String org;
  String phase;

  /** Passwords of the school's logins, as the import hands them out. */
  Map<String, String> passwords = new HashMap<>();

  /** A school of thirty members who log in, its secretary among them, under the town committee of Tongli. */
  @BeforeEach
  void aCrowdedSchool() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    org = "zc-" + suffix;
    phase = "c" + suffix;
    importService.importOrganizations(utf8("code,name,type,system,leader_code,grassroots,unit\n"
        + org + ",同里镇并发测试学校党支部" + suffix + ",党支部,教育,town-tongli,是,同里镇并发测试学校" + suffix + "\n"));
    StringBuilder members = new StringBuilder("member_no,name,org_code,role,position,email,username\n");
    members.append("Z").append(suffix).append("00,书记").append(suffix).append(",").append(org)
        .append(",书记,书记,,").append(org).append(".sec\n");
    for (int i = 1; i < CROWD; i++) {
      members.append("Z").append(suffix).append(String.format("%02d", i)).append(",党员").append(i).append(",")
          .append(org).append(",党员,教师,,").append(org).append(".m").append(i).append("\n");
    }
    importService.importMembers(utf8(members.toString())).credentials()
        .forEach(c -> passwords.put(c.username(), c.password()));
  }

  @Test
  void thirtyMembersClaimTheirCommitmentsAtTheSameMoment() throws Exception {
    ProcessInstance pi = commitmentStarter.startCommitment(org, phase);
    submit(one(pi, "Task_DraftCommitments"), org + ".sec", draftValues());
    submit(one(pi, "Task_ApproveCommitments"), "town-tongli.sec", Map.of("decision", "approve"));
    List<Task> claims = tasks(pi, "Task_ClaimCommitments");
    assertThat(claims).hasSize(CROWD);
    long retriedBefore = retry.retried();

    List<Throwable> errors = race(claims, task -> submit(task, task.getAssignee(),
        Map.of("claimedItems", List.of("1"), "personalCommitment", task.getAssignee() + "承诺结对帮扶两名学生")));

    assertThat(errors).as("errors the members saw").isEmpty();
    awaitUntil(() -> !tasks(pi, "Task_ConfirmMemberCommitments").isEmpty());
    assertThat(tasks(pi, "Task_ClaimCommitments")).isEmpty();
    Map<String, String> claimsShown = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> table = (List<Map<String, String>>) taskService
        .getVariableLocal(one(pi, "Task_ConfirmMemberCommitments").getId(), "claims");
    table.forEach(row -> claimsShown.put(row.toString(), row.toString()));
    assertThat(table).hasSize(CROWD);
    assertNoFailedJob(pi.getId());
    report("认领承诺", CROWD, retriedBefore);

    submit(one(pi, "Task_ConfirmMemberCommitments"), org + ".sec", Map.of("decision", "approve"));
    awaitUntil(() -> ended(pi.getId()));
    assertNoFailedJob(pi.getId());
    assertEachNoticeOnce("published|" + org + "|" + phase);
  }

  @Test
  void thirtyMembersRectifyAndTheSchoolVerifiesThemAllAtTheSameMoment() throws Exception {
    ProcessInstance pi = reviewStarter.start(org, phase, 1);
    submit(one(pi, "Task_ReviewOrganization"), "town-tongli.sec", orgReview());
    LocalDate due = LocalDate.now(Deadlines.ZONE).plusDays(60);
    List<Task> memberReviews = tasks(pi, "Task_ReviewMember");
    assertThat(memberReviews).hasSize(CROWD);
    long retriedBefore = retry.retried();

    List<Throwable> errors = race(memberReviews, task -> submit(task, org + ".sec", memberReview(due)));
    assertThat(errors).as("errors the secretary saw reviewing").isEmpty();
    awaitUntil(() -> tasks(pi, "Task_RectifyMember").size() == CROWD);

    errors = race(tasks(pi, "Task_RectifyMember"), task -> submit(task, task.getAssignee(),
        Map.of("rectificationReport", "已系统学习并整理学习笔记。")));
    assertThat(errors).as("errors the members saw rectifying").isEmpty();
    awaitUntil(() -> tasks(pi, "Task_VerifyMemberRectification").size() == CROWD);

    // 核实党员整改: the secretary and the liaison's colleagues at several screens, all at once.
    errors = race(tasks(pi, "Task_VerifyMemberRectification"), task -> submit(task, org + ".sec",
        Map.of("decision", "accept")));
    assertThat(errors).as("errors at 核实党员整改").isEmpty();
    awaitUntil(() -> ended(pi.getId()));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("EndEvent_ReviewCompleted").count()).isEqualTo(1);
    assertNoFailedJob(pi.getId());
    report("点评、党员整改、核实党员整改", 3 * CROWD, retriedBefore);
  }

  @Test
  void theInspectorsRecordAllInspectionsOfASpotCheckAtTheSameMoment() throws Exception {
    List<String> problems = new ArrayList<>();
    Phase open = campaign.open(cn.wujiang.cxzy.campaign.TestPhases.next(), "并发督查测试", LocalDate.now(),
        LocalDate.now().plusMonths(6), "office.sec", problems);
    assertThat(problems).isEmpty();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY,
        Map.of(SupervisionProcess.Var.PHASE_ID, open.getId()));
    List<Task> records = tasks(pi, "Task_RecordInspection");
    assertThat(records).hasSizeGreaterThan(1);
    long retriedBefore = retry.retried();

    List<Throwable> errors = race(records, task -> submit(task, groupSecretary(task),
        Map.of("findings", "活动扎实，台账齐全", "result", "到位")));

    assertThat(errors).as("errors at 记录督查情况").isEmpty();
    awaitUntil(() -> ended(pi.getId()));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("EndEvent_InspectionPassed").count()).isEqualTo(records.size());
    assertNoFailedJob(pi.getId());
    report("记录督查情况", records.size(), retriedBefore);
  }

  @Test
  void theReviewAndTheEvaluationOfACycleEndAtTheSameMoment() throws Exception {
    List<String> problems = new ArrayList<>();
    Phase open = campaign.open(cn.wujiang.cxzy.campaign.TestPhases.next(), "并发周期测试", LocalDate.now(),
        LocalDate.now().plusMonths(6), "office.sec", problems);
    assertThat(problems).isEmpty();
    Map<String, Object> variables = new HashMap<>();
    variables.put("orgCode", org);
    variables.put("phaseId", open.getId());
    variables.put("reviewRounds", 0);
    variables.put("evaluations", 0);
    // The cycle with a review round and the year's evaluation both under way.
    ProcessInstance cycle = runtimeService.createProcessInstanceByKey("orgCycle").businessKey(org + ":" + open.getId())
        .setVariables(variables)
        .startBeforeActivity("CallActivity_LeadershipReview").startBeforeActivity("CallActivity_MassEvaluation")
        .execute();
    List<ProcessInstance> rounds = runtimeService.createProcessInstanceQuery().superProcessInstanceId(cycle.getId())
        .list();
    assertThat(rounds).hasSize(2);
    awaitUntil(() -> managementService.createJobQuery().processInstanceId(child(rounds, "massEvaluation").getId())
        .messages().count() == 0);
    long retriedBefore = retry.retried();

    // Both rounds reach their end at the same moment (the last step of each, done by two different people).
    List<Throwable> errors = raceOn(rounds, round -> {
      String end = round.getProcessDefinitionId().startsWith("leadershipReview") ? "EndEvent_ReviewCompleted"
          : "EndEvent_ResultsAnnounced";
      var modification = runtimeService.createProcessInstanceModification(round.getId());
      for (var instance : runtimeService.getActivityInstance(round.getId()).getChildActivityInstances()) {
        modification = modification.cancelActivityInstance(instance.getId());
      }
      for (var transition : runtimeService.getActivityInstance(round.getId()).getChildTransitionInstances()) {
        modification = modification.cancelTransitionInstance(transition.getId());
      }
      modification.startBeforeActivity(end).execute();
    });

    assertThat(errors).as("errors when the rounds ended").isEmpty();
    awaitUntil(() -> managementService.createJobQuery().processInstanceId(cycle.getId()).timers().count() == 2);
    assertThat(runtimeService.getVariable(cycle.getId(), "reviewRounds")).isEqualTo(1);
    assertThat(runtimeService.getVariable(cycle.getId(), "evaluations")).isEqualTo(1);
    assertThat(runtimeService.getActiveActivityIds(cycle.getId()))
        .containsExactlyInAnyOrder("Timer_NextReview", "Timer_NextEvaluation");
    assertNoFailedJob(cycle.getId());
    report("两轮同时结束（orgCycle）", 2, retriedBefore);
  }

  private static ProcessInstance child(List<ProcessInstance> rounds, String key) {
    return rounds.stream().filter(r -> r.getProcessDefinitionId().startsWith(key + ":")).findFirst().orElseThrow();
  }

  @Test
  void thirtyMembersCompleteThroughTheRestApiAtOnceAndAClaimTakenFirstIsAChinese409() throws Exception {
    ProcessInstance pi = commitmentStarter.startCommitment(org, phase);
    submit(one(pi, "Task_DraftCommitments"), org + ".sec", draftValues());
    submit(one(pi, "Task_ApproveCommitments"), "town-tongli.sec", Map.of("decision", "approve"));
    List<Task> claims = tasks(pi, "Task_ClaimCommitments");
    Http http = new Http(port);
    String body = "{\"variables\":{\"claimedItems\":{\"value\":\"[\\\"1\\\"]\",\"type\":\"Json\"},"
        + "\"personalCommitment\":{\"value\":\"我承诺带头家访\",\"type\":\"String\"}}}";
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());

    List<Throwable> errors = race(claims, task -> statuses.add(http.postJson(
        "/engine-rest/task/" + task.getId() + "/submit-form", body, task.getAssignee(),
        passwords.get(task.getAssignee())).statusCode()));

    assertThat(errors).isEmpty();
    assertThat(statuses).hasSize(CROWD).containsOnly(204);
    awaitUntil(() -> !tasks(pi, "Task_ConfirmMemberCommitments").isEmpty());
    assertNoFailedJob(pi.getId());

    // The confirmation task is claimed by the secretary; a second claim by another person is refused.
    Task confirm = one(pi, "Task_ConfirmMemberCommitments");
    var first = http.postJson("/engine-rest/task/" + confirm.getId() + "/claim",
        "{\"userId\":\"" + org + ".sec\"}", org + ".sec", passwords.get(org + ".sec"));
    assertThat(first.statusCode()).isEqualTo(204);
    var second = http.postJson("/engine-rest/task/" + confirm.getId() + "/claim",
        "{\"userId\":\"admin\"}", "admin", "admin");
    assertThat(second.statusCode()).isEqualTo(409);
    var json = new ObjectMapper().readTree(second.body());
    assertThat(json.get("message").asText()).contains("已被其他人签收").doesNotContain("Task", "claimed");
  }

  // ---------------------------------------------------------------------------------------------------

  interface Work<T> {
    void on(T item) throws Exception;
  }

  private List<Throwable> race(List<Task> tasks, Work<Task> work) throws Exception {
    return raceOn(tasks, work);
  }

  /** Lines up one thread per item and lets them all go at once; returns what any of them threw. */
  private <T> List<Throwable> raceOn(List<T> tasks, Work<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CyclicBarrier start = new CyclicBarrier(tasks.size());
    List<Future<Void>> futures = new ArrayList<>();
    try {
      for (T task : tasks) {
        Callable<Void> call = () -> {
          start.await(60, TimeUnit.SECONDS);
          work.on(task);
          return null;
        };
        futures.add(pool.submit(call));
      }
      List<Throwable> errors = new ArrayList<>();
      for (Future<Void> future : futures) {
        try {
          future.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          errors.add(e.getCause());
        }
      }
      System.out.printf("CONCURRENCY race of %d: %d failed (%s)%n", tasks.size(), errors.size(),
          errors.stream().map(e -> e.getClass().getSimpleName()).distinct().toList());
      return errors;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Submits a task's form as the person (as Tasklist does), claiming it first where it is unassigned. */
  private void submit(Task task, String user, Map<String, Object> values) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      formService.submitTaskForm(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  /** The secretary of the body a task is routed to. */
  private String groupSecretary(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId() + ".sec").findFirst().orElseThrow();
  }

  private void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    long until = System.currentTimeMillis() + WAIT_MILLIS;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited for the job executor").isLessThan(until);
      Thread.sleep(100);
    }
  }

  private boolean ended(String pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() == 0;
  }

  /** No incident, no job with an error, no failed attempt of any job of the instance and its children. */
  private void assertNoFailedJob(String root) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(root);
    historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list().stream()
        .map(HistoricProcessInstance::getId).forEach(ids::add);
    long failures = ids.stream().mapToLong(id -> historyService.createHistoricJobLogQuery().processInstanceId(id)
        .failureLog().count()).sum();
    System.out.printf("CONCURRENCY failed job attempts: %d%n", failures);
    for (String id : ids) {
      assertThat(runtimeService.createIncidentQuery().processInstanceId(id).count()).as("incidents").isZero();
      assertThat(managementService.createJobQuery().processInstanceId(id).withException().count())
          .as("jobs with an exception").isZero();
      assertThat(historyService.createHistoricJobLogQuery().processInstanceId(id).failureLog().list())
          .as("failed job attempts").extracting(l -> l.getJobExceptionMessage()).isEmpty();
    }
  }

  /** One notice per person for an event: a retried transaction wrote none twice. */
  private void assertEachNoticeOnce(String eventPrefix) {
    List<Notice> sent = notifications.byEventPrefix(eventPrefix);
    assertThat(sent).isNotEmpty();
    Map<String, Long> perPerson = sent.stream().collect(Collectors.groupingBy(
        n -> n.getEventKey() + "|" + n.getUsername() + "|" + n.getMemberNo(), Collectors.counting()));
    assertThat(perPerson.values()).containsOnly(1L);
  }

  private void report(String step, int people, long retriedBefore) {
    System.out.printf("CONCURRENCY %s: %d completions at once, %d engine commands retried after a clash%n",
        step, people, retry.retried() - retriedBefore);
  }

  private Task one(ProcessInstance pi, String key) {
    List<Task> list = tasks(pi, key);
    assertThat(list).as(key).hasSize(1);
    return list.get(0);
  }

  private List<Task> tasks(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> draftValues() {
    Map<String, Object> values = new HashMap<>();
    values.put("guidance", "围绕办人民满意教育开展创先争优");
    values.put("phaseGoals", "党员教师人人有承诺、个个有行动");
    values.put("commitmentItems", "每位党员教师结对帮扶两名学困生\n开设党员示范课");
    values.put("standardOrg", "五个好");
    values.put("standardMember", "五带头");
    values.put("carriers", List.of());
    return values;
  }

  private static Map<String, Object> orgReview() {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewForm", "SURVEY_FORUM");
    values.put("ratingLeadership", "EXCELLENT");
    values.put("ratingMembership", "GOOD");
    values.put("ratingMechanism", "GOOD");
    values.put("ratingPerformance", "GOOD");
    values.put("ratingPublicFeedback", "EXCELLENT");
    values.put("achievements", "党建与业务统筹推进。");
    values.put("problems", "无");
    values.put("wayForward", "继续保持。");
    values.put("rectificationRequired", "false");
    return values;
  }

  private static Map<String, Object> memberReview(LocalDate rectificationDue) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewForm", "DEMOCRATIC_APPRAISAL");
    values.put("ratingLearning", "FAIR");
    values.put("ratingAchievement", "GOOD");
    values.put("ratingService", "GOOD");
    values.put("ratingLawAbiding", "GOOD");
    values.put("ratingIntegrity", "GOOD");
    values.put("comments", "服务学生热情。");
    values.put("rectificationRequired", "true");
    values.put("problems", "理论学习不够系统。");
    values.put("rectificationDue", rectificationDue.toString());
    return values;
  }
}
