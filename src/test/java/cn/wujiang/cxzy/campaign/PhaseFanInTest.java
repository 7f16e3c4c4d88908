package cn.wujiang.cxzy.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import cn.wujiang.cxzy.organization.ImportService;

/**
 * The phase's fan-ins with the job executor running, as in production: every cycle of a city ending at
 * the same moment, then every leading body's commendation ending at the same moment. No job may fail
 * even once (a clash on a multi-instance body would fail and wait for the retry), nothing may raise an
 * incident, and the phase must reach its end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // An engine of its own name: closing this context leaves the shared test context's engine registered.
    "camunda.bpm.process-engine-name=phaseFanIn",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.core-pool-size=4",
    "camunda.bpm.job-execution.max-pool-size=8",
    "camunda.bpm.job-execution.max-jobs-per-acquisition=10",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
    "camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R5/PT1S",
    // Small batches: several bodyCycles instances per leading body.
    "cxzy.campaign.cycle-batch-size=8"})
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PhaseFanInTest {

  /** Ten more leading bodies, nine schools each: 23 leading bodies commend, 109 organizations take part. */
  private static final int EXTRA_BODIES = 10;
  private static final int SCHOOLS_PER_BODY = 9;
  private static final Duration WAIT = Duration.ofMinutes(4);

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired CampaignService campaign;
  @Autowired ImportService imports;

  @Test
  void everyCycleAndEveryCommendationEndingAtTheSameMomentNeverClash() {
    importExtraBodies();
    int organizations = campaign.participants().size();
    int bodies = campaign.commendingBodies().size();
    assertThat(organizations).isEqualTo(19 + EXTRA_BODIES * SCHOOLS_PER_BODY);
    assertThat(bodies).isGreaterThanOrEqualTo(20);
    JobDefinition notifyFulfilment = jobDefinition("commitmentFulfilment", "ServiceTask_NotifyFulfilment");
    JobDefinition notifyNoCandidates = jobDefinition("commendation", "ServiceTask_NotifyNoCandidates");
    // Held back, so that they can be released together.
    managementService.suspendJobDefinitionById(notifyFulfilment.getId(), true);
    managementService.suspendJobDefinitionById(notifyNoCandidates.getId(), true);

    ProcessInstance phase = runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
        "phaseNumber", TestPhases.next(), "theme", "并发收尾", "startDate", LocalDate.now().toString(),
        "endDate", LocalDate.now().plusMonths(6).toString()));
    String phaseId = (String) runtimeService.getVariable(phase.getId(), CampaignProcess.Var.PHASE_ID);
    await("every cycle running", () -> cycles(phaseId).size() == organizations
        && managementService.createJobQuery().processDefinitionKey(BodyCyclesProcess.KEY).messages().count() == 0);

    // Every cycle moved to its last step, 通知兑现结果, whose jobs wait held back.
    for (ProcessInstance cycle : cycles(phaseId)) {
      runtimeService.createProcessInstanceModification(cycle.getId())
          .cancelAllForActivity("CallActivity_PublicCommitment")
          .startBeforeActivity("CallActivity_CommitmentFulfilment")
          .execute();
      ProcessInstance fulfilment = runtimeService.createProcessInstanceQuery().superProcessInstanceId(cycle.getId())
          .singleResult();
      runtimeService.createProcessInstanceModification(fulfilment.getId())
          .cancelAllForActivity("Task_ReportFulfilment")
          .startBeforeActivity("ServiceTask_NotifyFulfilment")
          .execute();
    }
    assertThat(managementService.createJobQuery().jobDefinitionId(notifyFulfilment.getId()).suspended().count())
        .isEqualTo(organizations);

    managementService.activateJobDefinitionById(notifyFulfilment.getId(), true);
    await("every commendation at its last step", () -> managementService.createJobQuery()
        .jobDefinitionId(notifyNoCandidates.getId()).suspended().count() == bodies);
    assertThat(cycles(phaseId)).isEmpty();
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.ENDED);

    managementService.activateJobDefinitionById(notifyNoCandidates.getId(), true);
    await("the phase ended", () -> historyService.createHistoricProcessInstanceQuery().processInstanceId(phase.getId())
        .finished().count() == 1);

    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(phase.getId())
        .singleResult();
    assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_PhaseEnded");
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(phase.getId()).list();
    Set<String> ids = instances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    assertThat(instances).allSatisfy(i -> assertThat(i.getEndTime()).as(i.getProcessDefinitionKey()).isNotNull());
    Map<String, Long> byProcess = instances.stream()
        .collect(Collectors.groupingBy(HistoricProcessInstance::getProcessDefinitionKey, Collectors.counting()));
    assertThat(byProcess).containsEntry(CampaignProcess.CYCLE_KEY, (long) organizations)
        .containsEntry("commitmentFulfilment", (long) organizations).containsEntry("commendation", (long) bodies);
    assertThat(historyService.createHistoricIncidentQuery().list())
        .filteredOn(i -> ids.contains(i.getProcessInstanceId())).isEmpty();
    List<HistoricJobLog> failures = historyService.createHistoricJobLogQuery().failureLog().list().stream()
        .filter(log -> ids.contains(log.getProcessInstanceId())).toList();
    assertThat(failures).extracting(HistoricJobLog::getJobDefinitionConfiguration, HistoricJobLog::getActivityId,
        HistoricJobLog::getJobExceptionMessage).isEmpty();
    // The joins ran as jobs of the batches and of the phase.
    assertThat(historyService.createHistoricJobLogQuery().successLog().activityIdIn("EndEvent_OrgCycleEnded").list())
        .filteredOn(log -> ids.contains(log.getProcessInstanceId())).hasSize(organizations);
    assertThat(historyService.createHistoricJobLogQuery().successLog().activityIdIn("EndEvent_CommendationEnded")
        .processInstanceId(phase.getId()).count()).isEqualTo(bodies);

  }

  private void importExtraBodies() {
    StringBuilder csv = new StringBuilder("code,name,type,system,leader_code,grassroots,unit\n");
    for (int b = 1; b <= EXTRA_BODIES; b++) {
      String body = String.format("fanin-%02d", b);
      csv.append(body).append(",中共并发测试第").append(b).append("学区委员会,党委,教育,city-office,否,并发测试第")
          .append(b).append("学区\n");
      for (int s = 1; s <= SCHOOLS_PER_BODY; s++) {
        csv.append(body).append("-s").append(s).append(",并发测试第").append(b).append("学区第").append(s)
            .append("小学党支部,党支部,教育,").append(body).append(",是,并发测试第").append(b).append("学区第")
            .append(s).append("小学\n");
      }
    }
    imports.importOrganizations(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private JobDefinition jobDefinition(String processKey, String activityId) {
    return managementService.createJobDefinitionQuery().processDefinitionKey(processKey).activityIdIn(activityId)
        .singleResult();
  }

  private List<ProcessInstance> cycles(String phaseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY)
        .processInstanceBusinessKeyLike("%:" + phaseId).list();
  }

  /** Waits for the job executor, at most {@link #WAIT}. */
  private void await(String what, BooleanSupplier done) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        Map<String, Long> open = new HashMap<>();
        managementService.createJobQuery().list().forEach(j -> open.merge(j.getProcessDefinitionKey() + "/"
            + ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j).getActivityId() + (j.isSuspended() ? " (suspended)" : "") + " retries " + j.getRetries(),
            1L, Long::sum));
        fail("not reached within " + WAIT + ": " + what + "; jobs: " + open);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }
}
