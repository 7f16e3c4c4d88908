package cn.wujiang.cxzy.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Phase numbers for tests: each can be started once, and all tests share one application. A phase
 * recorded without its process, for tests of one step. And the jobs of a phase's own instances, run one
 * at a time as the job executor would (tests run without it).
 */
public final class TestPhases {

  /**
   * From 20 on, or from {@code cxzy.test.first-phase}: test JVMs that share one PostgreSQL database one
   * after another each take numbers of their own (phase numbers are unique and at most 99).
   */
  private static final AtomicInteger NEXT = new AtomicInteger(Integer.getInteger("cxzy.test.first-phase", 20));
  /** Numbers of phases recorded without a process: far above any a person can start. */
  private static final AtomicInteger RECORDED = new AtomicInteger(100_000);

  private TestPhases() {
  }

  public static int next() {
    return NEXT.getAndIncrement();
  }

  /**
   * Records a running phase under the given id, without its process: for tests of one step that need
   * the phase to exist (the API answers 404 for a phase that does not). Once per id.
   */
  public static void record(JdbcTemplate jdbc, String phaseId) {
    Integer known = jdbc.queryForObject("select count(*) from cmp_phase where id = ?", Integer.class, phaseId);
    if (known != null && known > 0) {
      return;
    }
    Instant now = Instant.now();
    jdbc.update("insert into cmp_phase (id, number, theme, start_date, end_date, status, started_by, started_at, ends_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", phaseId, RECORDED.getAndIncrement(), "测试时段 " + phaseId,
        Date.valueOf(LocalDate.now()), Date.valueOf(LocalDate.now().plusYears(1)), Phase.Status.RUNNING.name(),
        "office.sec", Timestamp.from(now), Timestamp.from(now.plus(365, ChronoUnit.DAYS)));
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
