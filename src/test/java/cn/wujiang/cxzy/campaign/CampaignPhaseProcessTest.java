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

/**
 * campaignPhase: the start form, the fan-out to every organization in batches of its leading body,
 * spot checks, early end and cancellation in jobs, commendation.
 */
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
  void theCityOfficeStartsAPhaseAndEveryOrganizationGetsItsOwnCycleInABatchOfItsLeadingBody() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    assertThat(phase).isWaitingAt("SubProcess_BodyCycles#multiInstanceBody");
    assertThat(runtimeService.getVariables(phase.getId())).containsOnlyKeys("phaseId", "phaseName", "initiator");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(phase.getId()).singleResult().getBusinessKey())
        .isEqualTo("phase:" + phaseId);
    assertThat(campaign.get(phaseId).getTheme()).isEqualTo("推动科学发展筑堡垒");

    TestPhases.fanOut(engine, phase.getId());
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

    // One batch per leading body of the demo city (each has far fewer than 200 organizations).
    List<ProcessInstance> batches = TestPhases.batches(engine, phase.getId());
    assertThat(batches).extracting(ProcessInstance::getBusinessKey)
        .contains("edu-bureau:" + phaseId + ":1", "town-tongli:" + phaseId + ":1", "health-bureau:" + phaseId + ":1")
        .hasSize(13);
    ProcessInstance eduBureau = batches.stream().filter(b -> b.getBusinessKey().startsWith("edu-bureau:")).findFirst()
        .orElseThrow();
    assertThat(eduBureau).isWaitingAt("CallActivity_OrgCycle").variables()
        .containsEntry("committeeCode", "edu-bureau").containsEntry("batch", 1)
        .containsEntry("orgCodes", List.of("edu-syxx", "edu-tszx", "edu-wjsz"));
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(eduBureau.getId()).count()).isEqualTo(3);
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
  void theCityOfficeEndsAPhaseEarlyAndTheCyclesStopInOneJobPerBatchWithTheReasonRecorded() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    TestPhases.fanOut(engine, phase.getId());
    campaign.endEarly(phaseId, "office.sec", "上级统一部署提前结束");
    // The request stops nothing itself: the phase shows 结束中, every cycle still runs.
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.ENDING);
    assertThat(campaign.get(phaseId).getStatus().label()).isEqualTo("结束中");
    assertThat(cycles(phaseId)).hasSize(19);
    assertThatThrownBy(() -> campaign.cancel(phaseId, "office.sec", "再撤销")).hasMessageContaining("第")
        .hasMessageContaining("时段结束中，不能再操作");

    // The engine's batch operation: one job per batch, each stopping that batch's cycles.
    assertThat(TestPhases.runMessageBatches(engine)).isEqualTo(13);
    assertThat(cycles(phaseId)).isEmpty();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("%:" + phaseId).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BodyCyclesProcess.KEY)
        .superProcessInstanceId(phase.getId()).list())
        .hasSize(13).allSatisfy(b -> assertThat(b.getEndActivityId()).isEqualTo("EndEvent_CyclesStopped"));
    assertThat(phase).isWaitingAt("EndEvent_BodyCyclesEnded");
    assertThat(TestPhases.runPhaseJobs(engine, phase.getId(), "EndEvent_BodyCyclesEnded")).isEqualTo(13);
    assertThat(phase).hasPassed("EndEvent_CyclesDone").isWaitingAt("ServiceTask_ClosePhase");
    executeJobs(phase, "ServiceTask_ClosePhase");
    commendNobody(phase, phaseId);
    assertThat(phase).isEnded().hasPassed("Gateway_PhaseCancelled", "CallActivity_Commendation",
        "EndEvent_CommendationEnded", "EndEvent_PhaseEnded");
    Phase ended = campaign.get(phaseId);
    assertThat(ended.getStatus()).isEqualTo(Phase.Status.ENDED_EARLY);
    assertThat(ended.getStatus().label()).isEqualTo("已提前结束");
    assertThat(ended.getEndReason()).isEqualTo("上级统一部署提前结束");
    assertThat(ended.getEndedBy()).isEqualTo("office.sec");
    assertThat(ended.getEndedAt()).isNotNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY)
        .processInstanceBusinessKeyLike("%:" + phaseId).count()).isEqualTo(19);
    assertThatThrownBy(() -> campaign.cancel(phaseId, "office.sec", "再撤销"))
        .hasMessageContaining("已提前结束，不能再操作");
  }

  @Test
  void aCancelledPhaseStopsEveryCycleAndCommendsNobody() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    TestPhases.fanOut(engine, phase.getId());
    assertThatThrownBy(() -> campaign.cancel(phaseId, "office.sec", " ")).hasMessageContaining("请写明原因");
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.RUNNING);
    campaign.cancel(phaseId, "office.sec", "时段设置错误");
    assertThat(campaign.get(phaseId).getStatus().label()).isEqualTo("撤销中");
    assertThatThrownBy(() -> campaign.endEarly(phaseId, "office.sec", "再结束")).hasMessageContaining("撤销中");
    TestPhases.runMessageBatches(engine);
    assertThat(cycles(phaseId)).isEmpty();
    TestPhases.runPhaseJobs(engine, phase.getId(), "EndEvent_BodyCyclesEnded");
    executeJobs(phase, "ServiceTask_ClosePhase");
    assertThat(phase).isEnded().hasPassed("EndEvent_PhaseCancelled").hasNotPassed("SubProcess_Commendation");
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.CANCELLED);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("commendation")
        .processInstanceBusinessKeyLike("%:" + phaseId).count()).isZero();
  }

  @Test
  void aPhaseEndedBeforeItsFanOutStartsNoCycle() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    campaign.endEarly(phaseId, "office.sec", "发起有误，立即结束");
    // Nothing runs yet to be stopped; the batches that start later start no cycle.
    assertThat(managementService.createBatchQuery().type(org.camunda.bpm.engine.batch.Batch.TYPE_CORRELATE_MESSAGE)
        .count()).isZero();
    TestPhases.fanOut(engine, phase.getId());
    assertThat(cycles(phaseId)).isEmpty();
    assertThat(TestPhases.runBatchJobs(engine, phase.getId(), "EndEvent_OrgCycleSkipped")).isEqualTo(19);
    TestPhases.runPhaseJobs(engine, phase.getId(), "EndEvent_BodyCyclesEnded");
    assertThat(phase).isWaitingAt("ServiceTask_ClosePhase");
    executeJobs(phase, "ServiceTask_ClosePhase");
    commendNobody(phase, phaseId);
    assertThat(phase).isEnded().hasPassed("EndEvent_PhaseEnded");
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.ENDED_EARLY);
  }

  @Test
  void spotChecksRunWhileThePhaseLastsAndThePhaseEndsWhenEveryCycleHasEnded() {
    ProcessInstance phase = startPhase();
    String phaseId = (String) runtimeService.getVariable(phase.getId(), "phaseId");
    TestPhases.fanOut(engine, phase.getId());
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
    // Each cycle's end is joined in a job of its batch, each batch's in a job of the phase.
    assertThat(TestPhases.runBatchJobs(engine, phase.getId(), "EndEvent_OrgCycleEnded")).isEqualTo(19);
    assertThat(TestPhases.batches(engine, phase.getId())).isEmpty();
    assertThat(TestPhases.runPhaseJobs(engine, phase.getId(), "EndEvent_BodyCyclesEnded")).isEqualTo(13);
    assertThat(phase).hasPassed("EndEvent_CyclesDone").isWaitingAt("ServiceTask_ClosePhase");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BodyCyclesProcess.KEY)
        .superProcessInstanceId(phase.getId()).list())
        .allSatisfy(b -> assertThat(b.getEndActivityId()).isEqualTo("EndEvent_BodyCyclesDone"));
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
