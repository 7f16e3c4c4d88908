package cn.wujiang.cxzy.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Evaluations, their codes, paper tallies, results and grade changes: what the massEvaluation process
 * saves and the ballot page, the board and the export read.
 * <p>
 * The printable sheet: codes are derived when the evaluation opens (see BallotCodes), and only their
 * hashes are kept for good. While the window is open the organization's own group can print the sheet
 * (derived again from the salt kept in eval_code_key); when the window closes the salt is deleted;
 * from then on no code can be read back by anyone, and none would open a ballot any more. Closing also
 * moves the ballots still queued into the ballot box (see BallotQueue).
 */
@Service
@Transactional
public class EvaluationService {

  private final EvaluationRepository evaluations;
  private final EvaluationResultRepository results;
  private final GradeChangeRepository changes;
  private final BallotBox box;
  private final BallotCodes codes;
  private final BallotQueue queue;
  private final OrganizationService organizations;
  private final EvaluationProperties properties;
  private final Clock clock;

  EvaluationService(EvaluationRepository evaluations, EvaluationResultRepository results,
      GradeChangeRepository changes, BallotBox box, BallotCodes codes, BallotQueue queue,
      OrganizationService organizations, EvaluationProperties properties, Clock clock) {
    this.evaluations = evaluations;
    this.results = results;
    this.changes = changes;
    this.box = box;
    this.codes = codes;
    this.queue = queue;
    this.organizations = organizations;
    this.properties = properties;
    this.clock = clock;
  }

  /** An announced result, with what the public board shows of it. */
  public record Announced(Organization org, Organization leadingBody, Evaluation evaluation,
      EvaluationResult result, List<String> excellentMembers, Map<Grade, Long> memberGrades) {
  }

  @Transactional(readOnly = true)
  public Optional<Evaluation> find(EvaluationKey key) {
    return evaluations.findByOrgCodeAndPhaseIdAndYear(key.orgCode(), key.phaseId(), key.year());
  }

  @Transactional(readOnly = true)
  public Evaluation get(EvaluationKey key) {
    return find(key).orElseThrow(() -> new IllegalStateException("no evaluation " + key.businessKey()));
  }

  /** Opens the evaluation: its window starts now, its codes are generated (see the class comment). */
  public Evaluation open(EvaluationKey key) {
    Organization org = organizations.get(key.orgCode());
    if (!org.isGrassroots()) {
      throw new IllegalArgumentException(key.orgCode() + " is not a grassroots organization");
    }
    if (find(key).isPresent()) {
      throw new IllegalStateException("evaluation " + key.businessKey() + " exists already");
    }
    int count = properties.codesFor(organizations.members(key.orgCode()).size());
    Instant now = clock.instant();
    Evaluation evaluation = evaluations.save(new Evaluation(key, count, now, now.plus(properties.getWindow())));
    String salt = codes.newSalt();
    box.storeCodes(evaluation.getId(), salt,
        codes.derive(evaluation.getId(), salt, count).stream().map(codes::hash).toList());
    return evaluation;
  }

  /** The plain codes to print, derived again each time; empty once the window has closed. */
  @Transactional(readOnly = true)
  public List<String> sheet(Evaluation evaluation) {
    return box.sheetSalt(evaluation.getId())
        .map(salt -> codes.derive(evaluation.getId(), salt, evaluation.getCodesIssued()))
        .orElseGet(() -> box.storedSheet(evaluation.getId()));
  }

  /**
   * Ends the ballot window (by a person; by is null for the timer), destroys the sheet (once only) and
   * moves the ballots still queued into the ballot box.
   */
  public Evaluation close(EvaluationKey key, String by) {
    Evaluation evaluation = get(key);
    if (evaluation.close(clock.instant(), by)) {
      box.deleteSheet(evaluation.getId());
    }
    queue.moveAll(evaluation.getId());
    return evaluation;
  }

  /** Moves the ballots still queued into the ballot box, before they are counted. */
  public void moveQueuedBallots(Evaluation evaluation) {
    queue.moveAll(evaluation.getId());
  }

  public void recordPaperTally(EvaluationKey key, Tally paper, String by) {
    Evaluation evaluation = get(key);
    box.replacePaperTally(evaluation.getId(), paper);
    evaluation.paperRecorded(paper.ballots(), by, clock.instant());
  }

  @Transactional(readOnly = true)
  public Tally electronicTally(Evaluation evaluation) {
    return box.electronic(evaluation.getId());
  }

  @Transactional(readOnly = true)
  public Tally paperTally(Evaluation evaluation) {
    return evaluation.getPaperBallots() == null ? Tally.empty()
        : box.paper(evaluation.getId(), evaluation.getPaperBallots());
  }

  @Transactional(readOnly = true)
  public int usedCodes(Evaluation evaluation) {
    return box.usedCodes(evaluation.getId());
  }

  @Transactional(readOnly = true)
  public List<EvaluationResult> results(Evaluation evaluation) {
    return results.findByEvaluationIdOrderById(evaluation.getId());
  }

  @Transactional(readOnly = true)
  public List<GradeChange> changes(Evaluation evaluation) {
    List<Long> ids = results(evaluation).stream().map(EvaluationResult::getId).toList();
    return ids.isEmpty() ? List.of() : changes.findByResultIdInOrderByChangedAt(ids);
  }

  @Transactional(readOnly = true)
  public List<String> opinions(Evaluation evaluation) {
    return box.opinions(evaluation.getId());
  }

  /**
   * Changes the grade of the organization (subject {@link EvaluationProcess#ORGANIZATION_SUBJECT}) or
   * of a member, and records who changed it, when and why.
   */
  public GradeChange changeGrade(EvaluationKey key, String subject, Grade to, String reason, String by) {
    Evaluation evaluation = get(key);
    EvaluationResult result = results(evaluation).stream()
        .filter(r -> EvaluationProcess.ORGANIZATION_SUBJECT.equals(subject) ? !r.isMember() : subject.equals(r.getMemberNo()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no result for " + subject));
    if (!Grade.of(result.isMember()).contains(to)) {
      throw new IllegalArgumentException(to + " is not a grade of " + subject);
    }
    GradeChange change = changes.save(new GradeChange(result.getId(), result.getGrade(), to, reason, by,
        clock.instant()));
    result.changed(to);
    return change;
  }

  public Evaluation confirm(EvaluationKey key, String by) {
    Evaluation evaluation = get(key);
    evaluation.confirmed(by, clock.instant());
    return evaluation;
  }

  /** Announces the confirmed results in the configured scope; announcing twice changes nothing. */
  public Evaluation announce(EvaluationKey key) {
    Evaluation evaluation = get(key);
    evaluation.announced(properties.getAnnounceScope(), clock.instant());
    return evaluation;
  }

  /** The evaluations of a phase that have results, for the export. */
  @Transactional(readOnly = true)
  public List<Evaluation> withResults(String phaseId) {
    return evaluations.findByPhaseIdAndStatusInOrderByOrgCode(phaseId,
        List.of(Evaluation.Status.SCORED, Evaluation.Status.CONFIRMED, Evaluation.Status.ANNOUNCED));
  }

  @Transactional(readOnly = true)
  public Map<Long, List<EvaluationResult>> resultsOf(Collection<Evaluation> list) {
    if (list.isEmpty()) {
      return Map.of();
    }
    return results.findByEvaluationIdInOrderById(list.stream().map(Evaluation::getId).toList()).stream()
        .collect(Collectors.groupingBy(EvaluationResult::getEvaluationId));
  }

  /** The results announced to the public, newest year first. */
  @Transactional(readOnly = true)
  public List<Announced> announcedPublic() {
    List<Evaluation> list = evaluations.findByStatusAndAnnounceScopeOrderByYearDescOrgCode(
        Evaluation.Status.ANNOUNCED, EvaluationProperties.AnnounceScope.PUBLIC);
    Map<Long, List<EvaluationResult>> byEvaluation = resultsOf(list);
    Map<String, Organization> bodies = organizations.leadingBodies(list.stream().map(Evaluation::getOrgCode).toList());
    Map<String, Organization> orgs = organizations.all().stream()
        .collect(Collectors.toMap(Organization::getCode, Function.identity()));
    Map<String, String> names = organizations.allMembers().stream()
        .collect(Collectors.toMap(Member::getMemberNo, Member::getName));
    List<Announced> announced = new ArrayList<>();
    for (Evaluation evaluation : list) {
      List<EvaluationResult> rs = byEvaluation.getOrDefault(evaluation.getId(), List.of());
      EvaluationResult org = rs.stream().filter(r -> !r.isMember()).findFirst().orElse(null);
      if (org == null || !orgs.containsKey(evaluation.getOrgCode())) {
        continue;
      }
      Map<Grade, Long> grades = new EnumMap<>(Grade.class);
      rs.stream().filter(EvaluationResult::isMember).forEach(r -> grades.merge(r.getGrade(), 1L, Long::sum));
      List<String> excellent = rs.stream().filter(r -> r.isMember() && r.getGrade() == Grade.EXCELLENT)
          .map(r -> names.getOrDefault(r.getMemberNo(), "")).toList();
      announced.add(new Announced(orgs.get(evaluation.getOrgCode()), bodies.get(evaluation.getOrgCode()), evaluation,
          org, excellent, grades));
    }
    return announced;
  }
}
