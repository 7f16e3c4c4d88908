package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * The secret ballot against someone who holds the whole database: 40 voters whose choices (an opinion
 * naming each) and order of voting are known vote with known codes, the batch job running after every
 * vote, then the window closes. Every way of joining the codes used (or the order of voting) to the
 * stored ballots that we could think of is tried: PostgreSQL's xmin (equal, and in order) and ctid,
 * H2's _ROWID_, the ballots' ids, their dates, the order a plain select returns them in, the order of
 * their ratings, and the queue. For each, while the window is open and after it has closed, the share
 * of ballots an attacker pairs with the right voter must stay near 1/k (k = cxzy.evaluation.batch-size,
 * 10 here) or lower; storing each ballot in its code's transaction, as the ballot box did before, pairs
 * all of them by _ROWID_ on H2 and gives each ballot its code's xmin on PostgreSQL. Runs on H2, and on
 * PostgreSQL in the postgres-tests profile.
 */
@DemoCityTest
class BallotUnlinkabilityTest {

  private static final int VOTERS = 40;
  /** The most a method may pair right: 14 of 40, where chance gives 4 of 40 on average (1/k). */
  private static final double BOUND = 14.0 / VOTERS;

  @Autowired EvaluationStarter starter;
  @Autowired EvaluationService evaluations;
  @Autowired EvaluationProperties properties;
  @Autowired BallotService ballots;
  @Autowired BallotQueue queue;
  @Autowired BallotCodes codes;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private String phase;
  private int minCodes;

  @BeforeEach
  void setUp() {
    phase = "u" + UUID.randomUUID().toString().substring(0, 8);
    minCodes = properties.getMinCodes();
    properties.setMinCodes(VOTERS);
  }

  @AfterEach
  void tearDown() {
    properties.setMinCodes(minCodes);
    runtimeService.createProcessInstanceQuery().processDefinitionKey(EvaluationProcess.KEY).list().stream()
        .filter(p -> p.getBusinessKey().contains(":" + phase + ":"))
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test"));
  }

  @Test
  void noJoinPairsTheBallotsWithTheirCodesOrVotersBetterThanChance() throws Exception {
    assertThat(properties.getBatchSize()).isEqualTo(10);
    Evaluation evaluation = open("edu-syxx");
    long id = evaluation.getId();
    List<String> sheet = evaluations.sheet(evaluation);
    assertThat(sheet).hasSizeGreaterThanOrEqualTo(VOTERS);
    Map<String, Integer> voterOfHash = new LinkedHashMap<>();
    for (int voter = 0; voter < VOTERS; voter++) {
      String code = sheet.get(voter);
      voterOfHash.put(codes.hash(code), voter);
      assertThat(ballots.cast(code, MassEvaluationProcessTest.ballot(Satisfaction.SATISFIED, Map.of(), "选民" + voter)))
          .isEqualTo(BallotService.CodeStatus.VALID);
      // The job, as if it ran after every vote: a batch moves whenever ten wait, never fewer.
      int moved = queue.moveDue();
      assertThat(moved).as("moved after voter " + voter).isIn(0, 10);
      assertThat(jdbc.queryForObject("select count(*) from eval_ballot where evaluation_id = ?", Integer.class, id))
          .isEqualTo((voter + 1) / 10 * 10);
    }
    // While the window is open, someone with the database sees four batches of ten.
    Map<String, Double> open = linked(id, voterOfHash);
    report("while the window is open", open);
    assertThat(open).allSatisfy((method, share) -> assertThat(share).as(method).isLessThanOrEqualTo(BOUND));

    // Once it has closed, the ballots are written again together: each is one of all forty.
    evaluations.close(evaluation.getKey(), "edu-syxx.sec");
    queue.vacuum();
    assertThat(evaluations.electronicTally(evaluation).ballots()).isEqualTo(VOTERS);
    assertThat(jdbc.queryForObject("select count(*) from eval_ballot_queue where evaluation_id = ?", Integer.class, id))
        .as("the queue keeps nothing of a moved ballot").isZero();
    Map<String, Double> closed = linked(id, voterOfHash);
    report("after the window closed", closed);
    assertThat(closed).allSatisfy((method, share) -> assertThat(share).as(method).isLessThanOrEqualTo(BOUND));
    if (postgres()) {
      assertThat(jdbc.queryForObject("select count(distinct cast(xmin as text)) from eval_ballot where evaluation_id = ?",
          Integer.class, id)).as("one transaction wrote them all").isEqualTo(1);
    }
  }

  /** Each way of pairing voters with ballots, and the share of ballots it pairs right. */
  private Map<String, Double> linked(long id, Map<String, Integer> voterOfHash) throws SQLException {
    List<Integer> votingOrder = new ArrayList<>();
    for (int voter = 0; voter < VOTERS; voter++) {
      votingOrder.add(voter);
    }
    Map<String, Double> linked = new LinkedHashMap<>();
    String ballotOf = "select opinion from eval_ballot where evaluation_id = ? ";
    linked.put("ids, in order, against the order of voting",
        pairing(votingOrder, singles(voters(ballotOf + "order by id", id))));
    linked.put("ids, in order, against the codes' hashes in order",
        pairing(codeVoters("order by code_hash", id, voterOfHash), singles(voters(ballotOf + "order by id", id))));
    linked.put("the day cast, against the order of voting",
        pairing(votingOrder, groups("select cast(cast_on as varchar(10)), opinion from eval_ballot"
            + " where evaluation_id = ? order by cast_on", id)));
    linked.put("the order a plain select returns, against the order of voting",
        pairing(votingOrder, singles(voters(ballotOf, id))));
    linked.put("the order of the ratings, against the order of voting",
        pairing(votingOrder, singles(ratingOrder(id))));
    if (postgres()) {
      String xmin = "cast(cast(xmin as text) as bigint)";
      linked.put("xmin equal to the code's xmin", xminJoin(id, voterOfHash));
      linked.put("xmin in order, against the codes' xmin in order",
          pairing(codeVoters("order by " + xmin, id, voterOfHash),
              groups("select cast(xmin as text), opinion from eval_ballot where evaluation_id = ? order by " + xmin, id)));
      linked.put("xmin then ctid in order, against the order of voting",
          pairing(votingOrder, singles(voters(ballotOf + "order by " + xmin + ", ctid", id))));
      linked.put("ctid in order, against the codes' ctid in order",
          pairing(codeVoters("order by ctid", id, voterOfHash), singles(voters(ballotOf + "order by ctid", id))));
      linked.put("ctid in order, against the order of voting",
          pairing(votingOrder, singles(voters(ballotOf + "order by ctid", id))));
    } else {
      linked.put("_ROWID_ in order, against the order of voting",
          pairing(votingOrder, singles(voters(ballotOf + "order by _ROWID_", id))));
      linked.put("_ROWID_ in order, against the codes' _ROWID_ in order",
          pairing(codeVoters("order by _ROWID_", id, voterOfHash), singles(voters(ballotOf + "order by _ROWID_", id))));
    }
    return linked;
  }

  private void report(String when, Map<String, Double> linked) throws SQLException {
    System.out.printf("Ballots paired with the right voter %s (%s, %d voters, batches of %d):%n", when,
        postgres() ? "PostgreSQL" : "H2", VOTERS, properties.getBatchSize());
    linked.forEach((method, share) -> System.out.printf("  %-70s %.3f%n", method, share));
  }

  @Test
  void manyConcurrentCastsOfOneCodeQueueExactlyOneBallot() throws Exception {
    Evaluation evaluation = open("sl-xx");
    String code = evaluations.sheet(evaluation).get(0);
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<BallotService.CodeStatus>> answers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String opinion = "第" + i + "次提交";
      answers.add(pool.submit(() -> {
        start.await();
        return ballots.cast(code, MassEvaluationProcessTest.ballot(Satisfaction.SATISFIED, Map.of(), opinion));
      }));
    }
    start.countDown();
    List<BallotService.CodeStatus> statuses = new ArrayList<>();
    for (Future<BallotService.CodeStatus> f : answers) {
      statuses.add(f.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == BallotService.CodeStatus.VALID).as("statuses " + statuses).hasSize(1);
    assertThat(statuses).allMatch(s -> s == BallotService.CodeStatus.VALID || s == BallotService.CodeStatus.USED
        || s == BallotService.CodeStatus.BUSY);
    evaluations.close(evaluation.getKey(), "sl-xx.sec");
    assertThat(evaluations.electronicTally(evaluation).ballots()).isEqualTo(1);
    assertThat(evaluations.opinions(evaluation)).hasSize(1);
    assertThat(evaluations.usedCodes(evaluation)).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------

  private Evaluation open(String orgCode) {
    ProcessInstance pi = starter.start(orgCode, phase, 2026);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    return evaluations.get(new EvaluationKey(orgCode, phase, 2026));
  }

  private boolean postgres() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
  }

  /** The voters of the ballots the query returns, in its order. */
  private List<Integer> voters(String sql, long evaluationId) {
    return jdbc.queryForList(sql, String.class, evaluationId).stream().map(BallotUnlinkabilityTest::voter).toList();
  }

  /** The voters of the ballots, grouped by the query's first column (ties), groups in the query's order. */
  private List<List<Integer>> groups(String sql, long evaluationId) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(voter(rs.getString(2)));
    }, evaluationId);
    return List.copyOf(groups.values());
  }

  /** The voters of the used codes, in the order the clause gives the code rows. */
  private List<Integer> codeVoters(String order, long evaluationId, Map<String, Integer> voterOfHash) {
    return jdbc.queryForList("select code_hash from eval_code where evaluation_id = ? and used = true " + order,
        String.class, evaluationId).stream().map(voterOfHash::get).toList();
  }

  /** The voters of the ballots in the order their first rating row comes in the ratings table. */
  private List<Integer> ratingOrder(long evaluationId) throws SQLException {
    String physical = postgres() ? "r.ctid" : "r._ROWID_";
    Map<String, Integer> byBallot = new LinkedHashMap<>();
    jdbc.query("select r.ballot_id, b.opinion from eval_ballot_rating r join eval_ballot b on b.id = r.ballot_id"
        + " where b.evaluation_id = ? order by " + physical, rs -> {
          byBallot.putIfAbsent(rs.getString(1), voter(rs.getString(2)));
        }, evaluationId);
    return List.copyOf(byBallot.values());
  }

  /** Each ballot paired with the codes of the same xmin: the share an attacker gets right, picking one of them. */
  private double xminJoin(long evaluationId, Map<String, Integer> voterOfHash) {
    Map<String, List<Integer>> candidates = new LinkedHashMap<>();
    jdbc.query("select b.opinion, c.code_hash from eval_ballot b join eval_code c on c.xmin = b.xmin"
        + " where b.evaluation_id = ? and c.evaluation_id = b.evaluation_id", rs -> {
          candidates.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(voterOfHash.get(rs.getString(2)));
        }, evaluationId);
    double right = 0;
    for (Map.Entry<String, List<Integer>> ballot : candidates.entrySet()) {
      if (ballot.getValue().contains(voter(ballot.getKey()))) {
        right += 1.0 / ballot.getValue().size();
      }
    }
    return right / VOTERS;
  }

  private static List<List<Integer>> singles(List<Integer> voters) {
    return voters.stream().map(List::of).toList();
  }

  /**
   * The attacker pairs the i-th of one order with the i-th ballot of the other; where ballots tie, with
   * one of the tied at random. Returns the expected share of ballots paired with their own voter.
   */
  static double pairing(List<Integer> order, List<List<Integer>> ballotGroups) {
    assertThat(order).hasSize(VOTERS).doesNotContainNull();
    double right = 0;
    int position = 0;
    for (List<Integer> group : ballotGroups) {
      for (int i = 0; i < group.size(); i++) {
        if (group.contains(order.get(position + i))) {
          right += 1.0 / group.size();
        }
      }
      position += group.size();
    }
    assertThat(position).isEqualTo(VOTERS);
    return right / VOTERS;
  }

  private static int voter(String opinion) {
    return Integer.parseInt(Objects.requireNonNull(opinion).substring("选民".length()));
  }
}
