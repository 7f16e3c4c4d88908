package cn.wujiang.cxzy.evaluation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves queued ballots into the ballot box in batches (see BallotBox): every
 * cxzy.evaluation.batch-interval, an evaluation whose window is open gets its queued ballots moved once
 * at least cxzy.evaluation.batch-size wait, one whose window has closed or run out gets all of them.
 * Closing an evaluation and scoring it move the rest too ({@link #moveAll}), so nothing stays queued
 * that should be counted, and write all the evaluation's ballots again together. Each batch is a
 * transaction of its own that first locks the evaluation's row: on a cluster every node runs this, and
 * a batch is moved by one of them.
 * <p>
 * On PostgreSQL the queue's deleted rows stay in the table's pages as dead tuples (with the xmin of
 * the vote that queued them) until VACUUM; so after moving, this job vacuums the queue table (and the
 * ballot tables after they were written again) at once rather than waiting for autovacuum
 * (docs/security.md says what remains and for how long).
 */
@Component
class BallotQueue {

  private static final Logger LOG = LoggerFactory.getLogger(BallotQueue.class);

  private final BallotBox box;
  private final EvaluationRepository evaluations;
  private final EvaluationProperties properties;
  private final TransactionTemplate transactions;
  private final DataSource dataSource;
  private final Clock clock;
  /** Whether ballots were moved since the queue table was last vacuumed (on this node). */
  private final AtomicBoolean moved = new AtomicBoolean();
  /** Whether ballots were written again since the ballot tables were last vacuumed (on this node). */
  private final AtomicBoolean remixed = new AtomicBoolean();

  BallotQueue(BallotBox box, EvaluationRepository evaluations, EvaluationProperties properties,
      PlatformTransactionManager transactionManager, DataSource dataSource, Clock clock) {
    this.box = box;
    this.evaluations = evaluations;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Once the window has closed: moves every ballot of the evaluation still queued, then writes all its
   * ballots again together (see BallotBox#remix), in the caller's transaction.
   */
  int moveAll(long evaluationId) {
    LocalDate today = LocalDate.now(clock);
    int n = box.moveQueued(evaluationId, 0, today);
    if (box.remix(evaluationId, today) > 0) {
      remixed.set(true);
    }
    if (n > 0) {
      moved.set(true);
    }
    return n;
  }

  /** Moves the batches that are due, each in its own transaction; returns how many ballots were moved. */
  int moveDue() {
    int total = 0;
    for (Map.Entry<Long, Integer> queued : box.queued().entrySet()) {
      long id = queued.getKey();
      Integer n = transactions.execute(tx -> {
        boolean open = evaluations.findById(id).map(e -> e.acceptsBallots(clock.instant())).orElse(false);
        return open ? box.moveQueued(id, Math.max(1, properties.getBatchSize()), LocalDate.now(clock)) : moveAll(id);
      });
      total += n == null ? 0 : n;
    }
    if (total > 0) {
      moved.set(true);
    }
    return total;
  }

  @Scheduled(fixedDelayString = "${cxzy.evaluation.batch-interval:PT30S}",
      initialDelayString = "${cxzy.evaluation.batch-interval:PT30S}")
  void run() {
    try {
      moveDue();
      vacuum();
    } catch (RuntimeException e) {
      LOG.warn("Moving queued ballots failed; the next run tries again", e);
    }
  }

  /**
   * VACUUM on PostgreSQL (outside any transaction, as VACUUM must be) of the queue table where ballots
   * were moved, and of the ballot tables where they were written again: removes the dead rows, and
   * truncates a table's file where its end is empty. Elsewhere nothing.
   */
  void vacuum() {
    boolean queue = moved.getAndSet(false);
    boolean ballots = remixed.getAndSet(false);
    if (!queue && !ballots) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      boolean auto = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (var statement = connection.createStatement()) {
        statement.execute("vacuum eval_ballot_queue");
        if (ballots) {
          statement.execute("vacuum eval_ballot, eval_ballot_rating");
        }
      } finally {
        connection.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      LOG.warn("VACUUM of eval_ballot_queue failed; autovacuum will remove its dead rows later", e);
    }
  }
}
