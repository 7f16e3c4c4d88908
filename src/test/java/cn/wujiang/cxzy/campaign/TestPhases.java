package cn.wujiang.cxzy.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Phase numbers for tests: each can be started once, and all tests share one application. And the
 * jobs of a phase's own instances, run one at a time as the job executor would (tests run without it).
 */
public final class TestPhases {

  private static final AtomicInteger NEXT = new AtomicInteger(20);

  private TestPhases() {
  }

  public static int next() {
    return NEXT.getAndIncrement();
  }

  /**
   * The fan-out: the phase's multi-instance body, one job per batch (a bodyCycles instance), then one job
   * per organization in each batch (its orgCycle).
   */
  public static void fanOut(ProcessEngine engine, String phaseInstanceId) {
    runPhaseJobs(engine, phaseInstanceId, CampaignProcess.Element.BODY_CYCLES + "#multiInstanceBody");
    runPhaseJobs(engine, phaseInstanceId, CampaignProcess.Element.CALL_BODY_CYCLES);
    runBatchJobs(engine, phaseInstanceId, BodyCyclesProcess.Element.ORG_CYCLE);
  }

  /** Runs the jobs of the phase's own instance at one activity; returns how many ran. */
  public static int runPhaseJobs(ProcessEngine engine, String phaseInstanceId, String activityId) {
    return run(engine.getManagementService(), engine.getManagementService().createJobQuery()
        .processInstanceId(phaseInstanceId).activityId(activityId).list());
  }

  /** Runs the jobs of the phase's batches (its bodyCycles instances) at one activity; returns how many ran. */
  public static int runBatchJobs(ProcessEngine engine, String phaseInstanceId, String activityId) {
    List<Job> jobs = new ArrayList<>();
    for (ProcessInstance batch : batches(engine, phaseInstanceId)) {
      jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(batch.getId())
          .activityId(activityId).list());
    }
    return run(engine.getManagementService(), jobs);
  }

  /** The phase's running batches. */
  public static List<ProcessInstance> batches(ProcessEngine engine, String phaseInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(phaseInstanceId)
        .processDefinitionKey(BodyCyclesProcess.KEY).list();
  }

  /**
   * Runs the engine's batch operations of correlating a message (the stop of a phase's cycles): the seed
   * job, one job per instance, the monitor job. Returns the jobs that correlated a message.
   */
  public static int runMessageBatches(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    int correlated = 0;
    for (Batch batch : management.createBatchQuery().type(Batch.TYPE_CORRELATE_MESSAGE).list()) {
      run(management, management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list());
      correlated += run(management, management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list());
      run(management, management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list());
    }
    return correlated;
  }

  private static int run(ManagementService management, List<Job> jobs) {
    jobs.forEach(j -> management.executeJob(j.getId()));
    return jobs.size();
  }
}
