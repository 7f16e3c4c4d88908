package cn.wujiang.cxzy.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/** Phase numbers for tests: each can be started once, and all tests share one application. */
public final class TestPhases {

  private static final AtomicInteger NEXT = new AtomicInteger(20);
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
}
