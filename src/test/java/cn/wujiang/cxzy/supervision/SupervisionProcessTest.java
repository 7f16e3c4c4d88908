package cn.wujiang.cxzy.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.Phase;
import cn.wujiang.cxzy.notification.Notice;
import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.process.TaskDeadlineNotices;

/** supervision: a fair, recorded draw; inspections; criticism, improvement, verification, overdue escalation. */
@DemoCityTest
class SupervisionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired SupervisionService supervision;
  @Autowired CampaignService campaign;
  @Autowired NotificationService notifications;
  @Autowired OrganizationService organizations;

  String phaseId;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    List<String> problems = new ArrayList<>();
    Phase phase = campaign.open(cn.wujiang.cxzy.campaign.TestPhases.next(), "督查测试", LocalDate.now(),
        LocalDate.now().plusMonths(6), "office.sec", problems);
    assertThat(problems).isEmpty();
    phaseId = phase.getId();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theDrawIsRecordedWithItsSeedAndCanBeRedone() {
    ProcessInstance pi = start();
    String drawId = (String) runtimeService.getVariable(pi.getId(), SupervisionProcess.Var.DRAW_ID);
    SpotCheckDraw draw = supervision.draws(phaseId).stream().filter(d -> d.getId().equals(drawId)).findFirst().orElseThrow();
    List<String> population = campaign.participants();
    assertThat(draw.getPopulation()).isEqualTo(population.size());
    // 19 organizations, a fifth rounded up: 4.
    assertThat(draw.getSampleSize()).isEqualTo(SupervisionService.sampleSize(population.size(), 0.2, 1)).isEqualTo(4);
    assertThat(List.of(draw.getOrgCodes().split(",")))
        .isEqualTo(SupervisionService.sample(population, draw.getSampleSize(), draw.getSeed()));
    assertThat(tasks(pi, "Task_RecordInspection")).hasSize(4);
  }

  @Test
  void aUnitFoundWantingIsCriticizedImprovesIsReturnedOnceAndIsAccepted() {
    ProcessInstance pi = start();
    String org = drawn(pi).get(0);
    String leader = organizations.leaderGroupOf(org);
    Task record = taskFor(pi, "Task_RecordInspection", org);
    assertThat(record).hasCandidateGroup(leader);
    assertThatThrownBy(() -> formService.submitTaskForm(record.getId(),
        Map.of("findings", "学习记录缺失", "result", "不到位")))
        .hasMessageContaining("“改进期限”不能为空");
    assertThatThrownBy(() -> formService.submitTaskForm(record.getId(),
        Map.of("findings", "学习记录缺失", "result", "不到位", "deadline", LocalDate.now(Deadlines.ZONE).minusDays(1).toString())))
        .hasMessageContaining("“改进期限”不能早于今天");
    String due = LocalDate.now(Deadlines.ZONE).plusDays(15).toString();
    formService.submitTaskForm(record.getId(), Map.of("findings", "学习记录缺失，承诺未上墙", "result", "不到位", "deadline", due));
    executeJobs(pi, "ServiceTask_Criticize");
    List<Notice> criticized = notifications.byEventPrefix("criticized|" + drawId(pi) + "|" + org);
    assertThat(criticized).extracting(Notice::getUsername).contains(org + ".sec", leader + ".sec");
    assertThat(criticized.get(0).getBody()).contains("学习记录缺失，承诺未上墙");

    Task improve = taskFor(pi, "Task_ImproveWithinDeadline", org);
    assertThat(improve).hasCandidateGroup(org);
    assertThat(improve.getDueDate()).isEqualTo(Deadlines.endOfDay(LocalDate.parse(due)));
    formService.submitTaskForm(improve.getId(), Map.of("report", "已补齐学习记录"));
    Task verify = taskFor(pi, "Task_VerifyImprovement", org);
    assertThat(verify).hasCandidateGroup(leader);
    formService.submitTaskForm(verify.getId(), Map.of("decision", "return", "comment", "承诺仍未上墙"));
    Task again = taskFor(pi, "Task_ImproveWithinDeadline", org);
    assertThat(taskService.getVariableLocal(again.getId(), "returnComment")).isEqualTo("承诺仍未上墙");
    formService.submitTaskForm(again.getId(), Map.of("report", "承诺已上墙公示"));
    formService.submitTaskForm(taskFor(pi, "Task_VerifyImprovement", org).getId(), Map.of("decision", "approve"));
    assertThat(supervision.inspection(drawId(pi), org).getStatus()).isEqualTo(Inspection.Status.IMPROVED);
    assertThat(pi).isWaitingAt("EndEvent_Improved");
    passAllOthers(pi);
    // Each inspection ends in a job of the process, one at a time, so that inspectors recording at the same
    // moment never update the multi-instance count together.
    assertThat(pi).isNotEnded();
    executeJobs(pi, "EndEvent_Improved");
    executeJobs(pi, "EndEvent_InspectionPassed");
    assertThat(pi).isEnded().hasPassed("EndEvent_Improved", "EndEvent_InspectionPassed", "EndEvent_SpotCheckDone");
  }

  @Test
  void anImprovementNotAcceptedByItsDeadlineGoesToTheCityOffice() {
    ProcessInstance pi = start();
    String org = drawn(pi).get(1);
    Task record = taskFor(pi, "Task_RecordInspection", org);
    String due = LocalDate.now(Deadlines.ZONE).plusDays(3).toString();
    formService.submitTaskForm(record.getId(), Map.of("findings", "组织生活会未按时召开", "result", "不到位", "deadline", due));
    executeJobs(pi, "ServiceTask_Criticize");
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Timer_ImprovementOverdue").singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Deadlines.endOfDay(LocalDate.parse(due)));
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    managementService.executeJob(timer.getId());
    executeJobs(pi, "ServiceTask_ReportOverdue");
    assertThat(supervision.inspection(drawId(pi), org).isOverdue()).isTrue();
    assertThat(taskFor(pi, "Task_ImproveWithinDeadline", org).getPriority()).isEqualTo(TaskDeadlineNotices.OVERDUE_PRIORITY);
    assertThat(notifications.byEventPrefix("improvement-overdue|" + drawId(pi) + "|" + org))
        .extracting(Notice::getUsername).contains("office.sec");
    assertThat(pi).hasPassed("EndEvent_OverdueReported").isWaitingAt("Task_ImproveWithinDeadline");
  }

  private void passAllOthers(ProcessInstance pi) {
    for (Task task : tasks(pi, "Task_RecordInspection")) {
      formService.submitTaskForm(task.getId(), Map.of("findings", "活动扎实，台账齐全", "result", "到位"));
    }
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(SupervisionProcess.KEY,
        Map.of(SupervisionProcess.Var.PHASE_ID, phaseId));
  }

  private List<String> drawn(ProcessInstance pi) {
    String drawId = drawId(pi);
    return List.of(supervision.draws(phaseId).stream().filter(d -> d.getId().equals(drawId)).findFirst()
        .orElseThrow().getOrgCodes().split(","));
  }

  private String drawId(ProcessInstance pi) {
    return (String) runtimeService.getVariable(pi.getId(), SupervisionProcess.Var.DRAW_ID);
  }

  private Task taskFor(ProcessInstance pi, String key, String orgCode) {
    return tasks(pi, key).stream().filter(t -> orgCode.equals(taskService.getVariable(t.getId(), "orgCode")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for " + orgCode));
  }

  private List<Task> tasks(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private void executeJobs(ProcessInstance pi, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
    assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
    jobs.forEach(j -> managementService.executeJob(j.getId()));
  }
}
