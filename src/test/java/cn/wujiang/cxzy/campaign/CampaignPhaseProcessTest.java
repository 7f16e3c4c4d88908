package cn.wujiang.cxzy.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.process.InvalidFormException;

/** campaignPhase: the start form, the fan-out to every organization, spot checks, early end, cancellation. */
@DemoCityTest
class CampaignPhaseProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired CampaignService campaign;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
  }

  @Test
  void theCityOfficeStartsAPhaseAndEveryOrganizationGetsItsOwnCycle() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    assertThat(phase).isWaitingAt("CallActivity_OrgCycle#multiInstanceBody");
    assertThat(runtimeService.getVariables(phase.getId())).containsOnlyKeys("phaseId", "phaseName", "initiator");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(phase.getId()).singleResult().getBusinessKey())
        .isEqualTo("phase:" + phaseId);
    assertThat(campaign.get(phaseId).getTheme()).isEqualTo("推动科学发展筑堡垒");

    fanOut(phase);
    List<String> participants = campaign.participants();
    assertThat(participants).hasSize(19);
    List<ProcessInstance> cycles = cycles(phaseId);
    assertThat(cycles).hasSize(participants.size());
    assertThat(cycles).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(participants.stream().map(c -> c + ":" + phaseId).toList());
    ProcessInstance tlzx = cycles.stream().filter(c -> c.getBusinessKey().startsWith("tl-zx:")).findFirst().orElseThrow();
    assertThat(tlzx).isWaitingAt("CallActivity_PublicCommitment");
    Task draft = taskService.createTaskQuery().processInstanceBusinessKey("tl-zx:" + phaseId)
        .taskDefinitionKey("Task_DraftCommitments").singleResult();
    assertThat(draft).hasCandidateGroup("tl-zx");
  }

  @Test
  void aBadStartFormIsRefusedAndNoPhaseIsRecorded() {
    int before = campaign.all().size();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CampaignProcess.KEY,
        form(TestPhases.next(), " ", "2026-12-01", "2026-11-01")))
        .isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("“专题”不能为空").hasMessageContaining("“结束日期”应晚于“开始日期”");
    ProcessInstance first = startPhase();
    int used = campaign.get((String) runtimeService.getVariable(first.getId(), "phaseId")).getNumber();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CampaignProcess.KEY,
        form(used, "重复", "2026-12-01", "2027-06-30")))
        .hasMessageContaining("第 " + used + " 时段已经开始过");
    assertThat(campaign.all()).hasSize(before + 1);
  }

  @Test
  void theCityOfficeEndsAPhaseEarlyAndEveryCycleStopsWithTheReasonRecorded() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    fanOut(phase);
    campaign.endEarly(phaseId, "office.sec", "上级统一部署提前结束");
    assertThat(phase).hasPassed("Message_EndEarly").isWaitingAt("ServiceTask_ClosePhase");
    assertThat(cycles(phaseId)).isEmpty();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("%:" + phaseId).count()).isZero();
    executeJobs(phase, "ServiceTask_ClosePhase");
    commendNobody(phase, phaseId);
    assertThat(phase).isEnded().hasPassed("CallActivity_Commendation", "EndEvent_PhaseEnded");
    Phase ended = campaign.get(phaseId);
    assertThat(ended.getStatus()).isEqualTo(Phase.Status.ENDED_EARLY);
    assertThat(ended.getEndReason()).isEqualTo("上级统一部署提前结束");
    assertThat(ended.getEndedBy()).isEqualTo("office.sec");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY)
        .processInstanceBusinessKeyLike("%:" + phaseId).count()).isEqualTo(19);
    assertThatThrownBy(() -> campaign.cancel(phaseId, "office.sec", "再撤销"))
        .hasMessageContaining("已经结束");
  }

  @Test
  void aCancelledPhaseStopsEveryCycleAndCommendsNobody() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    fanOut(phase);
    assertThatThrownBy(() -> campaign.cancel(phaseId, "office.sec", " ")).hasMessageContaining("请写明原因");
    campaign.cancel(phaseId, "office.sec", "时段设置错误");
    assertThat(phase).isEnded().hasPassed("EndEvent_PhaseCancelled").hasNotPassed("ServiceTask_ClosePhase");
    assertThat(cycles(phaseId)).isEmpty();
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.CANCELLED);
  }

  @Test
  void spotChecksRunWhileThePhaseLastsAndThePhaseEndsWhenEveryCycleHasEnded() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    fanOut(phase);
    Job spotCheck = managementService.createJobQuery().processInstanceId(phase.getId()).timers()
        .activityId("Timer_SpotCheck").singleResult();
    managementService.executeJob(spotCheck.getId());
    executeJobs(phase, "CallActivity_Supervision");
    ProcessInstance supervision = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("supervision:" + phaseId).singleResult();
    for (Task task : taskService.createTaskQuery().processInstanceId(supervision.getId()).list()) {
      formService.submitTaskForm(task.getId(), Map.of("findings", "台账齐全", "result", "到位"));
    }
    // Each inspection ends in a job of the supervision, one at a time.
    managementService.createJobQuery().processInstanceId(supervision.getId()).activityId("EndEvent_InspectionPassed")
        .list().forEach(j -> managementService.executeJob(j.getId()));
    assertThat(phase).hasPassed("EndEvent_SpotCheckDone");
    // The timer cycles on while the phase lasts.
    assertThat(managementService.createJobQuery().processInstanceId(phase.getId()).timers()
        .activityId("Timer_SpotCheck").count()).isEqualTo(1);

    for (ProcessInstance cycle : cycles(phaseId)) {
      runtimeService.createProcessInstanceModification(cycle.getId())
          .cancelAllForActivity("CallActivity_PublicCommitment")
          .startBeforeActivity("EndEvent_CycleCompleted")
          .execute();
    }
    assertThat(phase).hasPassed("EndEvent_CyclesDone").isWaitingAt("ServiceTask_ClosePhase");
    executeJobs(phase, "ServiceTask_ClosePhase");
    commendNobody(phase, phaseId);
    assertThat(phase).isEnded().hasPassed("EndEvent_PhaseEnded");
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.ENDED);
    assertThat(managementService.createJobQuery().processInstanceId(phase.getId()).count()).isZero();
  }

  /**
   * Every leading body with organizations in the campaign runs its commendation; with no evaluation
   * results in this phase nobody is eligible, and each ends at once.
   */
  private void commendNobody(ProcessInstance phase, String phaseId) {
    for (int pass = 0; pass < 10; pass++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(phase.getId()).executable().messages().list();
      jobs.addAll(managementService.createJobQuery().processDefinitionKey("commendation").executable().messages().list());
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("commendation")
        .processInstanceBusinessKeyLike("%:" + phaseId).finished().count())
        .isEqualTo(campaign.commendingBodies().size());
  }

  private ProcessInstance startPhase() {
    return runtimeService.startProcessInstanceByKey(CampaignProcess.KEY,
        form(TestPhases.next(), "推动科学发展筑堡垒", LocalDate.now().toString(), LocalDate.now().plusMonths(6).toString()));
  }

  private static Map<String, Object> form(int number, String theme, String start, String end) {
    Map<String, Object> values = new HashMap<>();
    values.put("phaseNumber", number);
    values.put("theme", theme);
    values.put("startDate", start);
    values.put("endDate", end);
    return values;
  }

  /** The fan-out: the multi-instance body, then one job (one transaction) per organization. */
  private void fanOut(ProcessInstance phase) {
    List<Job> body = managementService.createJobQuery().processInstanceId(phase.getId())
        .activityId("CallActivity_OrgCycle#multiInstanceBody").list();
    assertThat(body).hasSize(1);
    managementService.executeJob(body.get(0).getId());
    List<Job> perOrganization = managementService.createJobQuery().processInstanceId(phase.getId())
        .activityId("CallActivity_OrgCycle").list();
    assertThat(perOrganization).hasSize(19);
    perOrganization.forEach(j -> managementService.executeJob(j.getId()));
  }

  private List<ProcessInstance> cycles(String phaseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY)
        .processInstanceBusinessKeyLike("%:" + phaseId).list();
  }

  private void executeJobs(ProcessInstance pi, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
    assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
    jobs.forEach(j -> managementService.executeJob(j.getId()));
  }
}
