package cn.wujiang.cxzy.evaluation;

import java.security.SecureRandom;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.wujiang.cxzy.review.Criterion;

/**
 * The codes and the ballots, in plain SQL, so that what is written about a ballot is all here to read.
 * <p>
 * Secrecy: a vote marks its code used in eval_code and puts the ballot into eval_ballot_queue, in one
 * transaction; that transaction writes nothing else. The ballot reaches eval_ballot only in a batch
 * (see {@link #moveQueued}): at least k ballots of the evaluation at once, shuffled, under new random
 * ids, dated to the day of the batch, in the batch's own transaction, which deletes them from the queue.
 * So no system column (PostgreSQL's xmin and ctid, H2's _ROWID_), id, date or order of rows ties a
 * stored ballot to a code more closely than to the k or more codes of its batch; once the window has
 * closed, every ballot of the evaluation is written again together ({@link #remix}), and then not more
 * closely than to any code used in the evaluation (BallotUnlinkabilityTest tries each). Integrity: marking a code used is one conditional update; of
 * several concurrent uses of one code exactly one changes the row, and only that one queues a ballot.
 */
@Repository
class BallotBox {

  /** eval_ballot_rating.subject_kind of one of the organization's 五个好. */
  static final String CRITERION = "CRITERION";
  /** eval_ballot_rating.subject_kind of a member. */
  static final String MEMBER = "MEMBER";

  /** A code as stored: which evaluation it opens and whether it has been used. */
  record CodeState(long evaluationId, boolean used) {
  }

  /** A ballot's content: the ratings of the 五个好, of the members it rated, and the opinion. */
  record Ballot(Map<Criterion, Satisfaction> criteria, Map<String, MemberRating> members, String opinion) {
  }

  private final JdbcTemplate jdbc;
  private final SecureRandom random = new SecureRandom();

  BallotBox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the codes' hashes for good and the salt the printable sheet is derived from (never the
   * codes). The hashes go in in their own order, not the sheet's.
   */
  void storeCodes(long evaluationId, String salt, List<String> hashes) {
    List<Object[]> rows = new ArrayList<>();
    hashes.stream().sorted().forEach(h -> rows.add(new Object[] {h, evaluationId}));
    jdbc.batchUpdate("insert into eval_code (code_hash, evaluation_id, used) values (?, ?, false)", rows);
    jdbc.update("insert into eval_code_key (evaluation_id, salt) values (?, ?)", evaluationId, salt);
  }

  /** The salt of the printable sheet; empty once the window has closed. */
  Optional<String> sheetSalt(long evaluationId) {
    return jdbc.queryForList("select salt from eval_code_key where evaluation_id = ?", String.class, evaluationId)
        .stream().findFirst();
  }

  /** The plain codes of a sheet stored before codes were derived (see V15); empty for any other. */
  List<String> storedSheet(long evaluationId) {
    return jdbc.queryForList("select code from eval_code_sheet where evaluation_id = ? order by seq", String.class,
        evaluationId);
  }

  /** Destroys the sheet: its salt, and the plain codes of a sheet stored before codes were derived. */
  void deleteSheet(long evaluationId) {
    jdbc.update("delete from eval_code_key where evaluation_id = ?", evaluationId);
    jdbc.update("delete from eval_code_sheet where evaluation_id = ?", evaluationId);
  }

  Optional<CodeState> findCode(String hash) {
    return jdbc.query("select evaluation_id, used from eval_code where code_hash = ?",
        (rs, i) -> new CodeState(rs.getLong(1), rs.getBoolean(2)), hash).stream().findFirst();
  }

  /** Marks the code used; false where it was used already (by this or a concurrent request). */
  boolean markUsed(String hash) {
    return jdbc.update("update eval_code set used = true where code_hash = ? and used = false", hash) == 1;
  }

  int usedCodes(long evaluationId) {
    Integer n = jdbc.queryForObject("select count(*) from eval_code where evaluation_id = ? and used = true",
        Integer.class, evaluationId);
    return n == null ? 0 : n;
  }

  /** Queues one ballot under a random id; the members map holds only the members it rated. */
  void queueBallot(long evaluationId, Ballot ballot) {
    StringBuilder ratings = new StringBuilder();
    ballot.criteria().forEach((c, s) -> ratings.append(CRITERION).append('\t').append(c.name()).append('\t')
        .append(s.name()).append('\n'));
    ballot.members().forEach((m, r) -> ratings.append(MEMBER).append('\t').append(m).append('\t')
        .append(r.name()).append('\n'));
    jdbc.update("insert into eval_ballot_queue (id, evaluation_id, ratings, opinion) values (?, ?, ?, ?)",
        UUID.randomUUID().toString(), evaluationId, ratings.toString(), ballot.opinion());
  }

  /** Ballots queued per evaluation. */
  Map<Long, Integer> queued() {
    Map<Long, Integer> queued = new LinkedHashMap<>();
    jdbc.query("select evaluation_id, count(*) from eval_ballot_queue group by evaluation_id",
        rs -> {
          queued.put(rs.getLong(1), rs.getInt(2));
        });
    return queued;
  }

  /**
   * Moves the queued ballots of the evaluation into the ballot box, in the caller's transaction, where
   * at least {@code atLeast} are queued (0: all there are): locks the evaluation's row first, so that of
   * the nodes of a cluster one moves a batch and the others then find the queue empty; reads the batch,
   * shuffles it, stores each ballot under a new random id, dated {@code day}, in that random order, and
   * deletes the batch from the queue. Returns how many were moved.
   */
  int moveQueued(long evaluationId, int atLeast, LocalDate day) {
    jdbc.queryForList("select id from eval_evaluation where id = ? for update", Long.class, evaluationId);
    List<String> ids = new ArrayList<>();
    List<Ballot> batch = new ArrayList<>();
    jdbc.query("select id, ratings, opinion from eval_ballot_queue where evaluation_id = ?", rs -> {
      ids.add(rs.getString(1));
      batch.add(parse(rs.getString(2), rs.getString(3)));
    }, evaluationId);
    if (batch.isEmpty() || batch.size() < atLeast) {
      return 0;
    }
    insertShuffled(evaluationId, batch, day);
    Collections.shuffle(ids, random);
    jdbc.batchUpdate("delete from eval_ballot_queue where id = ?", ids.stream().map(id -> new Object[] {id}).toList());
    return batch.size();
  }

  /**
   * Writes every ballot of the evaluation again, in the caller's transaction after {@link #moveQueued}
   * (which locked the evaluation): shuffled, under new random ids, all dated {@code day}. Done when the
   * window has closed, so that the stored ballots of an evaluation no longer fall into batches by
   * transaction, place or day: each is one of all the evaluation's ballots, not one of its batch.
   */
  int remix(long evaluationId, LocalDate day) {
    Map<String, Ballot> ballots = new LinkedHashMap<>();
    jdbc.query("select id, opinion from eval_ballot where evaluation_id = ?", rs -> {
      ballots.put(rs.getString(1), new Ballot(new LinkedHashMap<>(), new LinkedHashMap<>(), rs.getString(2)));
    }, evaluationId);
    if (ballots.isEmpty()) {
      return 0;
    }
    jdbc.query("select r.ballot_id, r.subject_kind, r.subject, r.rating from eval_ballot_rating r"
        + " join eval_ballot b on b.id = r.ballot_id where b.evaluation_id = ?", rs -> {
          Ballot ballot = ballots.get(rs.getString(1));
          if (CRITERION.equals(rs.getString(2))) {
            ballot.criteria().put(Criterion.valueOf(rs.getString(3)), Satisfaction.valueOf(rs.getString(4)));
          } else {
            ballot.members().put(rs.getString(3), MemberRating.valueOf(rs.getString(4)));
          }
        }, evaluationId);
    jdbc.update("delete from eval_ballot_rating where ballot_id in (select id from eval_ballot where evaluation_id = ?)",
        evaluationId);
    jdbc.update("delete from eval_ballot where evaluation_id = ?", evaluationId);
    insertShuffled(evaluationId, new ArrayList<>(ballots.values()), day);
    return ballots.size();
  }

  private void insertShuffled(long evaluationId, List<Ballot> batch, LocalDate day) {
    Collections.shuffle(batch, random);
    List<Object[]> ballots = new ArrayList<>();
    List<Object[]> ratings = new ArrayList<>();
    for (Ballot ballot : batch) {
      String id = UUID.randomUUID().toString();
      ballots.add(new Object[] {id, evaluationId, Date.valueOf(day), ballot.opinion()});
      ballot.criteria().forEach((c, s) -> ratings.add(new Object[] {id, CRITERION, c.name(), s.name()}));
      ballot.members().forEach((m, r) -> ratings.add(new Object[] {id, MEMBER, m, r.name()}));
    }
    jdbc.batchUpdate("insert into eval_ballot (id, evaluation_id, cast_on, opinion) values (?, ?, ?, ?)", ballots);
    jdbc.batchUpdate("insert into eval_ballot_rating (ballot_id, subject_kind, subject, rating) values (?, ?, ?, ?)",
        ratings);
  }

  /** Ballots of the evaluation still queued. */
  int queued(long evaluationId) {
    Integer n = jdbc.queryForObject("select count(*) from eval_ballot_queue where evaluation_id = ?", Integer.class,
        evaluationId);
    return n == null ? 0 : n;
  }

  private static Ballot parse(String ratings, String opinion) {
    Map<Criterion, Satisfaction> criteria = new LinkedHashMap<>();
    Map<String, MemberRating> members = new LinkedHashMap<>();
    for (String line : ratings.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", 3);
      if (CRITERION.equals(f[0])) {
        criteria.put(Criterion.valueOf(f[1]), Satisfaction.valueOf(f[2]));
      } else {
        members.put(f[1], MemberRating.valueOf(f[2]));
      }
    }
    return new Ballot(criteria, members, opinion);
  }

  /** The electronic ballots counted. */
  Tally electronic(long evaluationId) {
    Integer ballots = jdbc.queryForObject("select count(*) from eval_ballot where evaluation_id = ?", Integer.class,
        evaluationId);
    Tally.Builder tally = new Tally.Builder().ballots(ballots == null ? 0 : ballots);
    jdbc.query("select r.subject_kind, r.subject, r.rating, count(*) from eval_ballot_rating r"
        + " join eval_ballot b on b.id = r.ballot_id where b.evaluation_id = ?"
        + " group by r.subject_kind, r.subject, r.rating", rs -> {
          add(tally, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
        }, evaluationId);
    return tally.build();
  }

  /** Replaces the paper tally: every count, with a member's unrated ballots as SKIPPED. */
  void replacePaperTally(long evaluationId, Tally paper) {
    jdbc.update("delete from eval_paper_tally where evaluation_id = ?", evaluationId);
    List<Object[]> rows = new ArrayList<>();
    paper.criteria().keySet().forEach(c -> paper.of(c).forEach((s, n) ->
        rows.add(new Object[] {evaluationId, CRITERION, c.name(), s.name(), n})));
    paper.members().keySet().forEach(m -> {
      paper.of(m).forEach((r, n) -> rows.add(new Object[] {evaluationId, MEMBER, m, r.name(), n}));
      rows.add(new Object[] {evaluationId, MEMBER, m, MemberRating.SKIPPED, paper.skipped(m)});
    });
    jdbc.batchUpdate("insert into eval_paper_tally (evaluation_id, subject_kind, subject, rating, ballots)"
        + " values (?, ?, ?, ?, ?)", rows);
  }

  /** The paper ballots counted (none where no tally was entered). */
  Tally paper(long evaluationId, int ballots) {
    Tally.Builder tally = new Tally.Builder().ballots(ballots);
    jdbc.query("select subject_kind, subject, rating, ballots from eval_paper_tally where evaluation_id = ?", rs -> {
      if (!MemberRating.SKIPPED.equals(rs.getString(3))) {
        add(tally, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
      }
    }, evaluationId);
    return tally.build();
  }

  /** The opinions written on the ballots, in the order of their random ids. */
  List<String> opinions(long evaluationId) {
    return jdbc.queryForList("select opinion from eval_ballot where evaluation_id = ? and opinion is not null"
        + " order by id", String.class, evaluationId);
  }

  private static void add(Tally.Builder tally, String kind, String subject, String rating, int count) {
    if (CRITERION.equals(kind)) {
      tally.add(Criterion.valueOf(subject), Satisfaction.valueOf(rating), count);
    } else {
      tally.add(subject, MemberRating.valueOf(rating), count);
    }
  }
}
