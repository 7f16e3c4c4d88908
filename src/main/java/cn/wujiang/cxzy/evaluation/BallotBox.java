package cn.wujiang.cxzy.evaluation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.wujiang.cxzy.review.Criterion;

/**
 * The codes and the ballots, in plain SQL, so that what is written about a ballot is all here to read.
 * <p>
 * Secrecy: a code is marked used in eval_code, and the ballot goes to eval_ballot in the same
 * transaction, with a random id, the day (no time) and nothing that points at the code. Nothing in the
 * schema, the ids or the order of rows read back (by random id) joins a ballot to a code or a voter.
 * Integrity: marking a code used is one conditional update; of several concurrent uses of one code
 * exactly one changes the row, and only that one stores its ballot.
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

  private final JdbcTemplate jdbc;

  BallotBox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the codes' hashes for good and the plain codes for the printable sheet. */
  void storeCodes(long evaluationId, List<String> codes, UnaryOperator<String> hash) {
    List<Object[]> hashes = new ArrayList<>();
    List<Object[]> sheet = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      hashes.add(new Object[] {hash.apply(codes.get(i)), evaluationId});
      sheet.add(new Object[] {evaluationId, i + 1, codes.get(i)});
    }
    jdbc.batchUpdate("insert into eval_code (code_hash, evaluation_id, used) values (?, ?, false)", hashes);
    jdbc.batchUpdate("insert into eval_code_sheet (evaluation_id, seq, code) values (?, ?, ?)", sheet);
  }

  /** The plain codes of the printable sheet, empty once the window has closed. */
  List<String> sheet(long evaluationId) {
    return jdbc.queryForList("select code from eval_code_sheet where evaluation_id = ? order by seq", String.class,
        evaluationId);
  }

  void deleteSheet(long evaluationId) {
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

  /** Stores one ballot under a random id; the members map holds only the members it rated. */
  void storeBallot(long evaluationId, LocalDate day, Map<Criterion, Satisfaction> criteria,
      Map<String, MemberRating> members, String opinion) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into eval_ballot (id, evaluation_id, cast_on, opinion) values (?, ?, ?, ?)",
        id, evaluationId, Date.valueOf(day), opinion);
    List<Object[]> rows = new ArrayList<>();
    criteria.forEach((c, s) -> rows.add(new Object[] {id, CRITERION, c.name(), s.name()}));
    members.forEach((m, r) -> rows.add(new Object[] {id, MEMBER, m, r.name()}));
    jdbc.batchUpdate("insert into eval_ballot_rating (ballot_id, subject_kind, subject, rating) values (?, ?, ?, ?)",
        rows);
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
