package cn.wujiang.cxzy.evaluation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.review.Criterion;

/** The ballot page's rules: which codes open a ballot, what a ballot must contain, casting it once. */
@Service
public class BallotService {

  /** What a code is worth; after {@link #cast}, VALID means the ballot was stored. */
  public enum CodeStatus { VALID, UNKNOWN, USED, EXPIRED, CLOSED, BUSY }

  /** A code looked up: its status and, where it exists, its evaluation. */
  public record CodeCheck(CodeStatus status, String code, Evaluation evaluation) {

    public boolean valid() {
      return status == CodeStatus.VALID;
    }
  }

  /** What a ballot rates: the organization's 五个好 and its members. */
  public record BallotForm(Organization org, Evaluation evaluation, List<Criterion> criteria, List<Member> members) {
  }

  /** A ballot as filled in: every criterion rated, the members rated (the others left unrated), an opinion. */
  public record Submission(Map<Criterion, Satisfaction> criteria, Map<String, MemberRating> members, String opinion) {
  }

  /** A submission read from the page, with what is wrong with it. */
  public record Parsed(Submission submission, List<String> problems) {
  }

  /** Field names of the ballot page. */
  static final String CRITERION_FIELD = "org_";
  static final String MEMBER_FIELD = "member_";
  static final String OPINION_FIELD = "opinion";

  private final BallotCodes codes;
  private final BallotBox box;
  private final EvaluationRepository evaluations;
  private final OrganizationService organizations;
  private final TransactionTemplate transactions;
  private final Clock clock;

  BallotService(BallotCodes codes, BallotBox box, EvaluationRepository evaluations,
      OrganizationService organizations, PlatformTransactionManager transactionManager, Clock clock) {
    this.codes = codes;
    this.box = box;
    this.evaluations = evaluations;
    this.organizations = organizations;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Looks a typed or scanned code up. */
  public CodeCheck check(String typed) {
    Optional<String> code = BallotCodes.normalize(typed);
    if (code.isEmpty()) {
      return new CodeCheck(CodeStatus.UNKNOWN, null, null);
    }
    Optional<BallotBox.CodeState> state = box.findCode(codes.hash(code.get()));
    if (state.isEmpty()) {
      return new CodeCheck(CodeStatus.UNKNOWN, code.get(), null);
    }
    Evaluation evaluation = evaluations.findById(state.get().evaluationId()).orElseThrow();
    return new CodeCheck(status(state.get(), evaluation), code.get(), evaluation);
  }

  private CodeStatus status(BallotBox.CodeState state, Evaluation evaluation) {
    if (state.used()) {
      return CodeStatus.USED;
    }
    if (evaluation.getStatus() != Evaluation.Status.OPEN) {
      return CodeStatus.CLOSED;
    }
    return evaluation.acceptsBallots(clock.instant()) ? CodeStatus.VALID : CodeStatus.EXPIRED;
  }

  public BallotForm form(Evaluation evaluation) {
    return new BallotForm(organizations.get(evaluation.getOrgCode()), evaluation, Criterion.of(false),
        organizations.members(evaluation.getOrgCode()));
  }

  /** Reads a submitted ballot: every criterion rated, known ratings only, members of this organization only. */
  public Parsed parse(Evaluation evaluation, Map<String, String> fields) {
    List<String> problems = new ArrayList<>();
    Map<Criterion, Satisfaction> criteria = new EnumMap<>(Criterion.class);
    for (Criterion criterion : Criterion.of(false)) {
      String value = fields.getOrDefault(CRITERION_FIELD + criterion.name(), "").trim();
      if (value.isEmpty()) {
        problems.add("请评价“" + criterion.label() + "”");
        continue;
      }
      Optional<Satisfaction> s = parse(Satisfaction.class, value);
      if (s.isEmpty()) {
        problems.add("“" + criterion.label() + "”的评价“" + value + "”无效");
      } else {
        criteria.put(criterion, s.get());
      }
    }
    Map<String, Member> members = organizations.members(evaluation.getOrgCode()).stream()
        .collect(Collectors.toMap(Member::getMemberNo, m -> m, (a, b) -> a, LinkedHashMap::new));
    Map<String, MemberRating> ratings = new LinkedHashMap<>();
    boolean stranger = false;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (!field.getKey().startsWith(MEMBER_FIELD)) {
        continue;
      }
      String memberNo = field.getKey().substring(MEMBER_FIELD.length());
      String value = field.getValue() == null ? "" : field.getValue().trim();
      Member member = members.get(memberNo);
      if (member == null) {
        stranger = true;
        continue;
      }
      if (value.isEmpty()) {
        continue;
      }
      Optional<MemberRating> r = parse(MemberRating.class, value);
      if (r.isEmpty()) {
        problems.add("对党员" + member.getName() + "的评价“" + value + "”无效");
      } else {
        ratings.put(memberNo, r.get());
      }
    }
    if (stranger) {
      problems.add("评议的党员不是本组织的党员");
    }
    String opinion = fields.getOrDefault(OPINION_FIELD, "").strip();
    if (opinion.length() > EvaluationProcess.MAX_OPINION) {
      problems.add("意见建议过长（" + opinion.length() + " 字），最多 " + EvaluationProcess.MAX_OPINION + " 字");
    }
    return new Parsed(new Submission(criteria, ratings, opinion.isEmpty() ? null : opinion), problems);
  }

  /**
   * Casts the ballot in one transaction: the window must still be open, the code is marked used by a
   * conditional update, and only where that changed the row is the ballot queued (see BallotBox).
   */
  public CodeStatus cast(String typed, Submission submission) {
    Optional<String> code = BallotCodes.normalize(typed);
    if (code.isEmpty()) {
      return CodeStatus.UNKNOWN;
    }
    String hash = codes.hash(code.get());
    try {
      return transactions.execute(tx -> {
        Optional<BallotBox.CodeState> state = box.findCode(hash);
        if (state.isEmpty()) {
          return CodeStatus.UNKNOWN;
        }
        Evaluation evaluation = evaluations.findById(state.get().evaluationId()).orElseThrow();
        CodeStatus status = status(state.get(), evaluation);
        if (status != CodeStatus.VALID) {
          return status;
        }
        if (!box.markUsed(hash)) {
          return CodeStatus.USED;
        }
        // The ballot waits in the queue; only the batch job puts it in the ballot box (see BallotBox).
        box.queueBallot(evaluation.getId(),
            new BallotBox.Ballot(submission.criteria(), submission.members(), submission.opinion()));
        return CodeStatus.VALID;
      });
    } catch (DataAccessException e) {
      // A concurrent use of the same code may make the database give up instead of waiting.
      return box.findCode(hash).filter(BallotBox.CodeState::used).isPresent() ? CodeStatus.USED : CodeStatus.BUSY;
    }
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    Set<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    return names.contains(value) ? Optional.of(Enum.valueOf(type, value)) : Optional.empty();
  }
}
