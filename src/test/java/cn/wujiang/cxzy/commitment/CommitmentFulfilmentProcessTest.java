package cn.wujiang.cxzy.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.notification.Notice;
import cn.wujiang.cxzy.notification.NotificationService;

/** commitmentFulfilment: report, verify or return, the rate stored and told; reminders and escalation. */
@DemoCityTest
class CommitmentFulfilmentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CommitmentStarter starter;
  @Autowired CommitmentService commitments;
  @Autowired NotificationService notifications;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;

  String phase;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    phase = "f" + UUID.randomUUID().toString().substring(0, 8);
    commitments.saveDraft("sz-xx", phase, new CommitmentService.Draft("指导", "目标",
        List.of("结对帮扶学困生", "党员示范课", "家访全覆盖", "师德承诺书"), "五个好", "五带头", List.of("堡垒工程")));
  }

  @Test
  void theLeaderReturnsAReportThenVerifiesItAndTheRateIsStoredAndTold() {
    ProcessInstance pi = starter.startFulfilment("sz-xx", phase);
    Task report = task(pi, "Task_ReportFulfilment");
    assertThat(report).hasCandidateGroup("sz-xx");
    assertThat(taskService.getVariableLocal(report.getId(), "item_2")).isEqualTo("2. 党员示范课");
    assertThat(taskService.getVariableLocal(report.getId(), "item_5")).isNull();
    formService.submitTaskForm(report.getId(), report("未兑现"));

    Task verify = task(pi, "Task_VerifyFulfilment");
    assertThat(verify).hasCandidateGroup("town-shengze");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> table = (List<Map<String, String>>) taskService.getVariableLocal(verify.getId(), "fulfilment");
    assertThat(table).extracting(r -> r.get("status")).containsExactly("已兑现", "部分兑现", "已兑现", "未兑现");
    formService.submitTaskForm(verify.getId(), Map.of("decision", "return", "comment", "第4条请补充说明"));

    Task again = task(pi, "Task_ReportFulfilment");
    assertThat(taskService.getVariableLocal(again.getId(), "returnComment")).isEqualTo("第4条请补充说明");
    assertThat(taskService.getVariableLocal(again.getId(), "status_4")).isEqualTo("未兑现");
    formService.submitTaskForm(again.getId(), report("部分兑现"));
    formService.submitTaskForm(task(pi, "Task_VerifyFulfilment").getId(), Map.of("decision", "approve"));

    // 已兑现 1 + 部分 0.5 + 已兑现 1 + 部分 0.5 = 3 of 4 items.
    assertThat(commitments.find("sz-xx", phase).orElseThrow().getFulfilmentRate())
        .isEqualByComparingTo(new BigDecimal("0.75"));
    executeJob(pi, "ServiceTask_NotifyFulfilment");
    assertThat(pi).isEnded().hasPassed("EndEvent_FulfilmentRecorded");
    List<Notice> told = notifications.byEventPrefix("fulfilment|sz-xx|" + phase);
    assertThat(told).extracting(Notice::getUsername).contains("sz-xx.sec");
    assertThat(told.get(0).getBody()).contains("兑现率 75%");
  }

  @Test
  void aReportWithoutStatusOrAccountIsRefusedAndNothingIsSaved() {
    ProcessInstance pi = starter.startFulfilment("sz-xx", phase);
    Task report = task(pi, "Task_ReportFulfilment");
    Map<String, Object> values = report("未兑现");
    values.remove("status_3");
    values.put("account_1", "说".repeat(501));
    assertThatThrownBy(() -> formService.submitTaskForm(report.getId(), values))
        .hasMessageContaining("请选择“第 3 条的兑现情况”")
        .hasMessageContaining("“第 1 条的兑现说明”过长");
    assertThat(commitments.items("sz-xx", phase)).allMatch(i -> i.getFulfilmentStatus() == null);
    assertThat(pi).isWaitingAt("Task_ReportFulfilment");
  }

  @Test
  void unhandledReportAndVerificationRemindAndEscalate() {
    ProcessInstance pi = starter.startFulfilment("sz-xx", phase);
    Task report = task(pi, "Task_ReportFulfilment");
    fire(pi, "Report");
    assertThat(notifications.byEventPrefix("remind|" + report.getId())).isNotEmpty();
    assertThat(notifications.byEventPrefix("escalate|" + report.getId()))
        .extracting(Notice::getUsername).contains("town-shengze.sec");
    formService.submitTaskForm(report.getId(), report("已兑现"));
    Task verify = task(pi, "Task_VerifyFulfilment");
    fire(pi, "Verify");
    assertThat(notifications.byEventPrefix("escalate|" + verify.getId()))
        .extracting(Notice::getUsername).contains("office.sec");
    assertThat(pi).hasPassed("EndEvent_Reminded", "EndEvent_Escalated").isWaitingAt("Task_VerifyFulfilment");
  }

  private static Map<String, Object> report(String fourth) {
    Map<String, Object> values = new HashMap<>();
    String[] status = {"已兑现", "部分兑现", "已兑现", fourth};
    for (int i = 1; i <= 4; i++) {
      values.put("status_" + i, status[i - 1]);
      values.put("account_" + i, "完成情况说明" + i);
    }
    return values;
  }

  private void fire(ProcessInstance pi, String prefix) {
    for (String timer : List.of("Timer_" + prefix + "Reminder", "Timer_" + prefix + "Due")) {
      Job job = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(timer).singleResult();
      managementService.executeJob(job.getId());
    }
    executeJob(pi, "ServiceTask_RemindTaskHolders");
    executeJob(pi, "ServiceTask_EscalateOverdueTasks");
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private void executeJob(ProcessInstance pi, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
    assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
    jobs.forEach(j -> managementService.executeJob(j.getId()));
  }
}
