package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.commitment.CommitmentService;

/** Faults: a failing job retries, then raises a Chinese incident, and completes once fixed; two people on one task. */
@DemoCityTest
class FaultTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired CommitmentService commitments;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
  }

  @Test
  void aPublicationThatKeepsFailingRaisesAChineseIncidentAndCompletesOnceTheCauseIsFixed() {
    String phase = "x" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = startPublication(phase);
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
    int attempts = 0;
    while (runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count() == 0 && attempts < 10) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
      attempts++;
    }
    assertThat(attempts).as("R3/PT…: three attempts in all").isEqualTo(3);
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).startsWith("自动执行失败，重试次数已用完。请排除原因后在流程监控中重试该作业。原因：");
    assertThat(pi).isWaitingAt("ServiceTask_PublishCommitments");

    commitments.saveDraft("zz-wsy", phase, new CommitmentService.Draft("指导", "目标", List.of("义诊"), "标准", "标准", List.of()));
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    assertThat(pi).isEnded();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(commitments.find("zz-wsy", phase).orElseThrow().getPublishedAt()).isNotNull();
  }

  @Test
  void anIncidentGoesWithItsJobWhenTheInstanceIsCancelledAndAJobWithRetriesLeftRaisesNone() {
    String phase = "x" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance failing = startPublication(phase);
    Job job = managementService.createJobQuery().processInstanceId(failing.getId()).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(failing.getId()).count()).isOne();

    runtimeService.deleteProcessInstance(failing.getId(), "撤销");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(failing.getId()).count()).isZero();
    assertThat(historyService.createHistoricIncidentQuery().processInstanceId(failing.getId()).singleResult().isDeleted())
        .isTrue();

    // Fails once, then the cause is fixed: retries were left, no incident was ever raised.
    String other = "x" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance recovering = startPublication(other);
    Job second = managementService.createJobQuery().processInstanceId(recovering.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(second.getId())).isNotNull();
    commitments.saveDraft("zz-wsy", other, new CommitmentService.Draft("指导", "目标", List.of("义诊"), "标准", "标准", List.of()));
    managementService.executeJob(second.getId());
    assertThat(recovering).isEnded();
    assertThat(historyService.createHistoricIncidentQuery().processInstanceId(recovering.getId()).count()).isZero();
  }

  /** The publication of a commitment that is not in the database: its job fails until one is saved. */
  private ProcessInstance startPublication(String phase) {
    return runtimeService.createProcessInstanceByKey("publicCommitment")
        .businessKey("zz-wsy:" + phase)
        .setVariables(Map.of("orgCode", "zz-wsy", "phaseId", phase))
        .startBeforeActivity("ServiceTask_PublishCommitments")
        .execute();
  }

  @Test
  void twoPeopleCompletingTheSameTaskAtOnceOneSucceedsAndNothingIsWrittenTwice() throws Exception {
    String phase = "c" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("publicCommitment", "hb-rmyy:" + phase,
        Map.of("orgCode", "hb-rmyy", "phaseId", phase));
    Task draft = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    Map<String, Object> values = Map.of("guidance", "指导", "phaseGoals", "目标", "commitmentItems", "承诺一\n承诺二",
        "standardOrg", "标准", "standardMember", "标准");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(pool.submit(() -> {
        go.await();
        try {
          formService.submitTaskForm(draft.getId(), values);
          return true;
        } catch (RuntimeException e) {
          return false;
        }
      }));
    }
    go.countDown();
    int succeeded = 0;
    for (Future<Boolean> result : results) {
      succeeded += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(succeeded).isEqualTo(1);
    assertThat(commitments.items("hb-rmyy", phase)).hasSize(2);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveCommitments").count())
        .isEqualTo(1);
  }
}
