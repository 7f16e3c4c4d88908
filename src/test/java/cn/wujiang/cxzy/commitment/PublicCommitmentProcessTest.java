package cn.wujiang.cxzy.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.notification.Notice;
import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.InvalidFormException;
import cn.wujiang.cxzy.process.TaskDeadlineNotices;

/** publicCommitment, every path, on the demo city, completing tasks as Tasklist does (submit form). */
@DemoCityTest
class PublicCommitmentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CommitmentStarter starter;
  @Autowired CommitmentService commitments;
  @Autowired OrganizationService organizations;
  @Autowired NotificationService notifications;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;

  String phase;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    phase = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aSchoolDraftsItsLeaderApprovesMembersClaimAndTheCommitmentsArePublished() {
    ProcessInstance pi = starter.startCommitment("tl-zx", phase);
    assertThat(pi).isWaitingAt("Task_DraftCommitments");
    Task draft = task(pi, "Task_DraftCommitments");
    assertThat(draft).hasCandidateGroup("tl-zx");
    assertThat(taskService.getVariableLocal(draft.getId(), "orgName")).isEqualTo("同里镇古镇初级中学党支部");
    Map<String, Object> values = draftValues("1. 每位党员教师结对帮扶两名学困生\n2. 开设党员示范课每学期一节\n\n- 家访覆盖全部学生");
    // Tasklist sends a checklist as a JSON array.
    values.put("carriers", SpinValues.jsonValue("[\"堡垒工程\",\"\\u515a\\u5458\\u5e08\\u5fb7\\u6807\\u5175\"]").create());
    submit(draft, values);
    assertThat(commitments.find("tl-zx", phase).orElseThrow().getCarriers()).isEqualTo("堡垒工程、党员师德标兵");

    assertThat(commitments.items("tl-zx", phase)).extracting(CommitmentItem::getText)
        .containsExactly("每位党员教师结对帮扶两名学困生", "开设党员示范课每学期一节", "家访覆盖全部学生");
    // What was typed lives in our tables; the process keeps ids only.
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).containsOnlyKeys("orgCode", "phaseId");
    Task approve = task(pi, "Task_ApproveCommitments");
    assertThat(approve).hasCandidateGroup("town-tongli");
    assertThat(taskService.getVariableLocal(approve.getId(), "commitmentItems").toString())
        .contains("1. 每位党员教师结对帮扶两名学困生");
    submit(approve, Map.of("decision", "approve"));

    List<Member> members = organizations.members("tl-zx");
    List<Task> claims = tasks(pi, "Task_ClaimCommitments");
    assertThat(claims).hasSize(members.size());
    Map<Object, Task> claimByMember = new HashMap<>();
    claims.forEach(t -> claimByMember.put(taskService.getVariable(t.getId(), "memberNo"), t));
    for (Member member : members) {
      Task claim = claimByMember.get(member.getMemberNo());
      if (member.getUsername() != null) {
        assertThat(claim).isAssignedTo(member.getUsername());
        assertThat(candidateGroups(claim)).isEmpty();
      } else {
        assertThat(claim.getAssignee()).isNull();
        assertThat(candidateGroups(claim)).containsExactly("tl-zx");
      }
      submit(claim, Map.of("claimedItems", List.of("1", "3"), "personalCommitment", member.getName() + "承诺带头家访"));
    }
    // Each claim ends in a job of the process, one at a time: members claiming at the same moment never
    // update the count of claims together.
    assertThat(pi).isWaitingAt("EndEvent_Claimed");
    assertThat(tasks(pi, "Task_ConfirmMemberCommitments")).isEmpty();
    endClaims(pi);

    Task confirm = task(pi, "Task_ConfirmMemberCommitments");
    assertThat(confirm).hasCandidateGroup("tl-zx");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> table = (List<Map<String, String>>) taskService.getVariableLocal(confirm.getId(), "claims");
    assertThat(table).hasSize(members.size());
    assertThat(table.get(0).get("items")).isEqualTo("1. 每位党员教师结对帮扶两名学困生；3. 家访覆盖全部学生");
    submit(confirm, Map.of("decision", "approve"));

    assertThat(pi).isWaitingAt("ServiceTask_PublishCommitments");
    assertThat(commitments.find("tl-zx", phase).orElseThrow().getStatus()).isEqualTo(Commitment.Status.APPROVED);
    executeJob(pi, "ServiceTask_PublishCommitments");
    assertThat(pi).isEnded().hasPassed("EndEvent_CommitmentsPublished");
    assertThat(commitments.find("tl-zx", phase).orElseThrow().getStatus()).isEqualTo(Commitment.Status.PUBLISHED);
    assertThat(commitments.published("同里镇古镇")).anyMatch(p -> p.commitment().getPhaseId().equals(phase));

    List<Notice> published = notifications.byEventPrefix("published|tl-zx|" + phase);
    assertThat(published).extracting(Notice::getMemberNo)
        .containsAll(members.stream().map(Member::getMemberNo).toList());
    assertThat(published).anyMatch(n -> "town-tongli.sec".equals(n.getUsername()));
    assertThat(published.get(0).getSubject()).isEqualTo("同里镇古镇初级中学党支部的承诺已公开");
  }

  @Test
  void aReturnedDraftGoesBackWithTheCommentAndThreeReturnsInARowTellTheCityOffice() {
    ProcessInstance pi = starter.startCommitment("edu-syxx", phase);
    for (int round = 1; round <= 3; round++) {
      submit(task(pi, "Task_DraftCommitments"), draftValues("第" + round + "稿承诺事项"));
      Task approve = task(pi, "Task_ApproveCommitments");
      assertThat(approve).hasCandidateGroup("edu-bureau");
      submit(approve, Map.of("decision", "return", "comment", "承诺事项不够具体（第" + round + "次）"));
      assertThat(pi).isWaitingAt("Task_DraftCommitments");
      Task again = task(pi, "Task_DraftCommitments");
      assertThat(taskService.getVariableLocal(again.getId(), "returnComment"))
          .isEqualTo("承诺事项不够具体（第" + round + "次）");
      assertThat(taskService.getVariableLocal(again.getId(), "commitmentItems")).isEqualTo("第" + round + "稿承诺事项");
    }
    assertThat(pi).hasPassed("ServiceTask_ReportRepeatedReturns");
    List<Notice> toOffice = notifications.byEventPrefix("returns|" + pi.getId());
    assertThat(toOffice).extracting(Notice::getUsername).contains("office.sec", "office.liaison");
    assertThat(toOffice.get(0).getBody()).contains("连续退回 3 次", "承诺事项不够具体（第3次）");
  }

  @Test
  void theSecretarySendsOneMembersCommitmentBackAndTheMemberRevisesIt() {
    ProcessInstance pi = startAndClaim("sh-nk");
    Member first = organizations.members("sh-nk").get(0);
    submit(task(pi, "Task_ConfirmMemberCommitments"),
        Map.of("decision", "return", "returnMember", first.getMemberNo(), "comment", "请结合岗位写具体"));
    Task revise = task(pi, "Task_ReviseMemberCommitment");
    assertThat(revise).isAssignedTo(first.getUsername());
    assertThat(taskService.getVariable(revise.getId(), "returnComment")).isEqualTo("请结合岗位写具体");
    submit(revise, Map.of("claimedItems", List.of("2"), "personalCommitment", "每月为患者义诊一次"));
    assertThat(commitments.memberCommitment("sh-nk", phase, first.getMemberNo()).orElseThrow().getText())
        .isEqualTo("每月为患者义诊一次");
    submit(task(pi, "Task_ConfirmMemberCommitments"), Map.of("decision", "approve"));
    executeJob(pi, "ServiceTask_PublishCommitments");
    assertThat(pi).isEnded();
  }

  @Test
  void anUnhandledDraftRemindsTheOrganizationThenEscalatesToItsLeader() {
    ProcessInstance pi = starter.startCommitment("sl-zx", phase);
    Task draft = task(pi, "Task_DraftCommitments");
    managementService.executeJob(timer(pi, "Timer_DraftReminder").getId());
    executeJob(pi, "ServiceTask_RemindTaskHolders");
    assertThat(notifications.byEventPrefix("remind|" + draft.getId()))
        .extracting(Notice::getUsername).containsExactlyInAnyOrder("sl-zx.sec", "sl-zx.liaison");

    managementService.executeJob(timer(pi, "Timer_DraftDue").getId());
    executeJob(pi, "ServiceTask_EscalateOverdueTasks");
    assertThat(pi).hasPassed("EndEvent_Reminded", "EndEvent_Escalated").isWaitingAt("Task_DraftCommitments");
    List<Notice> escalated = notifications.byEventPrefix("escalate|" + draft.getId());
    assertThat(escalated).extracting(Notice::getUsername).contains("sl-edu.sec");
    assertThat(escalated.get(0).getSubject()).isEqualTo("督办：松陵镇启明初级中学党支部的任务“制定承诺”已逾期");
    assertThat(taskService.createTaskQuery().taskId(draft.getId()).singleResult().getPriority())
        .isEqualTo(TaskDeadlineNotices.OVERDUE_PRIORITY);
  }

  @Test
  void theTimersOfEveryStepRemindAndEscalate() {
    ProcessInstance pi = starter.startCommitment("wj-xx", phase);
    submit(task(pi, "Task_DraftCommitments"), draftValues("一条承诺"));
    fireDeadlines(pi, "Approve");
    submit(task(pi, "Task_ApproveCommitments"), Map.of("decision", "approve"));
    fireDeadlines(pi, "Claim");
    Task claim = tasks(pi, "Task_ClaimCommitments").get(0);
    assertThat(notifications.byEventPrefix("remind|" + claim.getId())).isNotEmpty();
    for (Task t : tasks(pi, "Task_ClaimCommitments")) {
      submit(t, Map.of("claimedItems", List.of("1"), "personalCommitment", "我承诺"));
    }
    endClaims(pi);
    fireDeadlines(pi, "Confirm");
    submit(task(pi, "Task_ConfirmMemberCommitments"), Map.of("decision", "approve"));
    executeJob(pi, "ServiceTask_PublishCommitments");
    assertThat(pi).isEnded();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no items|guidance=指导意见;phaseGoals=目标;commitmentItems=;standardOrg=标准;standardMember=标准|“承诺事项”不能为空",
      "too many items|guidance=指导意见;phaseGoals=目标;commitmentItems=1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9\\n10\\n11\\n12\\n13;standardOrg=标准;standardMember=标准|承诺事项最多 12 条",
      "no guidance|guidance= ;phaseGoals=目标;commitmentItems=一条;standardOrg=标准;standardMember=标准|“活动指导意见”不能为空",
      "unknown carrier|guidance=指导;phaseGoals=目标;commitmentItems=一条;standardOrg=标准;standardMember=标准;carriers=党员医德标兵|“活动载体”的选项“党员医德标兵”无效"})
  void aBadDraftIsRefusedWithAChineseMessageAndNothingIsSaved(String name, String fields, String message) {
    ProcessInstance pi = starter.startCommitment("edu-tszx", phase);
    Task draft = task(pi, "Task_DraftCommitments");
    Map<String, Object> values = new HashMap<>();
    for (String pair : fields.split(";")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], kv[0].equals("carriers") ? List.of(kv[1]) : kv[1].replace("\\n", "\n"));
    }
    values.putIfAbsent("carriers", List.of("堡垒工程"));
    assertThatThrownBy(() -> formService.submitTaskForm(draft.getId(), values))
        .isInstanceOf(InvalidFormException.class).hasMessageStartingWith("请修改后再提交：").hasMessageContaining(message);
    assertThat(pi).isWaitingAt("Task_DraftCommitments");
    assertThat(commitments.find("edu-tszx", phase)).isEmpty();
  }

  @Test
  void overLongTextAndAReturnWithoutReasonAreRefused() {
    ProcessInstance pi = starter.startCommitment("hb-cdc", phase);
    Map<String, Object> values = draftValues("一条");
    values.put("guidance", "长".repeat(2001));
    Task draft = task(pi, "Task_DraftCommitments");
    assertThatThrownBy(() -> formService.submitTaskForm(draft.getId(), values))
        .hasMessageContaining("“活动指导意见”过长（2001 字），最多 2000 字");
    submit(draft, draftValues("一条"));
    Task approve = task(pi, "Task_ApproveCommitments");
    assertThatThrownBy(() -> formService.submitTaskForm(approve.getId(), Map.of("decision", "return")))
        .hasMessageContaining("“审核意见说明”不能为空");
    assertThat(commitments.find("hb-cdc", phase).orElseThrow().getReturnCount()).isZero();
    assertThat(pi).isWaitingAt("Task_ApproveCommitments");
  }

  private ProcessInstance startAndClaim(String orgCode) {
    ProcessInstance pi = starter.startCommitment(orgCode, phase);
    submit(task(pi, "Task_DraftCommitments"), draftValues("承诺一\n承诺二"));
    submit(task(pi, "Task_ApproveCommitments"), Map.of("decision", "approve"));
    for (Task claim : tasks(pi, "Task_ClaimCommitments")) {
      submit(claim, Map.of("claimedItems", List.of("1"), "personalCommitment", "我承诺做好本职"));
    }
    endClaims(pi);
    return pi;
  }

  private void fireDeadlines(ProcessInstance pi, String prefix) {
    managementService.executeJob(timer(pi, "Timer_" + prefix + "Reminder").getId());
    executeJob(pi, "ServiceTask_RemindTaskHolders");
    managementService.executeJob(timer(pi, "Timer_" + prefix + "Due").getId());
    executeJob(pi, "ServiceTask_EscalateOverdueTasks");
  }

  static Map<String, Object> draftValues(String items) {
    Map<String, Object> values = new HashMap<>();
    values.put("guidance", "围绕办人民满意教育开展创先争优");
    values.put("phaseGoals", "党员教师人人有承诺、个个有行动");
    values.put("commitmentItems", items);
    values.put("standardOrg", "五个好");
    values.put("standardMember", "五带头");
    values.put("carriers", List.of());
    return values;
  }

  private void submit(Task task, Map<String, Object> values) {
    formService.submitTaskForm(task.getId(), values);
  }

  private Task task(ProcessInstance pi, String key) {
    List<Task> list = tasks(pi, key);
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private List<Task> tasks(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private Job timer(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    return job;
  }

  /** Runs the jobs in which the members' claims end, one at a time, as the job executor does. */
  private void endClaims(ProcessInstance pi) {
    executeJob(pi, "EndEvent_Claimed");
  }

  private void executeJob(ProcessInstance pi, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
    assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
    jobs.forEach(j -> managementService.executeJob(j.getId()));
  }
}
