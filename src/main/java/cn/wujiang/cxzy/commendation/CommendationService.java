package cn.wujiang.cxzy.commendation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.Phase;
import cn.wujiang.cxzy.commitment.CommitmentItem;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.evaluation.Evaluation;
import cn.wujiang.cxzy.evaluation.EvaluationResult;
import cn.wujiang.cxzy.evaluation.EvaluationService;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.OrgSystem;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * 评选表彰: the ranking of a leading body's eligible candidates and its quotas, the nominations and every
 * decision on them, and the titles awarded. What the commendation process saves and the forms, the
 * board and the exports read.
 */
@Service
@Transactional
public class CommendationService {

  private final CommendationRoundRepository rounds;
  private final QuotaRepository quotas;
  private final CandidateRepository candidates;
  private final NominationReplyRepository replies;
  private final NominationRepository nominations;
  private final NominationDecisionRepository decisions;
  private final AwardedTitleRepository titles;
  private final OrganizationService organizations;
  private final EvaluationService evaluations;
  private final CampaignService campaign;
  private final CommitmentService commitments;
  private final CommendationSettings settings;
  private final Clock clock;

  CommendationService(CommendationRoundRepository rounds, QuotaRepository quotas, CandidateRepository candidates,
      NominationReplyRepository replies, NominationRepository nominations, NominationDecisionRepository decisions,
      AwardedTitleRepository titles, OrganizationService organizations, EvaluationService evaluations,
      CampaignService campaign, CommitmentService commitments, CommendationSettings settings, Clock clock) {
    this.rounds = rounds;
    this.quotas = quotas;
    this.candidates = candidates;
    this.replies = replies;
    this.nominations = nominations;
    this.decisions = decisions;
    this.titles = titles;
    this.organizations = organizations;
    this.evaluations = evaluations;
    this.campaign = campaign;
    this.commitments = commitments;
    this.settings = settings;
    this.clock = clock;
  }

  /** A member proposed in 推荐优秀党员. */
  public record Proposal(String memberNo, Title title, String deeds) {
  }

  /** What the committee chose at 评选. */
  public record Selection(List<String> orgCodes, List<Long> nominationIds, String reason) {
  }

  // ---------------------------------------------------------------------------------------------
  // 排名

  /**
   * Ranks the eligible organizations and members in the leading body's scope on the confirmed
   * evaluation results of the phase (the latest year of each organization), and computes the quotas.
   * Ranking again replaces an earlier ranking on which nobody has been nominated yet.
   */
  public CommendationRound rank(String committeeCode, String phaseId) {
    organizations.get(committeeCode);
    Instant now = clock.instant();
    CommendationRound round = rounds.findByCommitteeCodeAndPhaseId(committeeCode, phaseId).map(existing -> {
      if (nominations.countByRoundId(existing.getId()) > 0) {
        throw new IllegalStateException("commendation of " + committeeCode + " in phase " + phaseId + " has nominations");
      }
      candidates.deleteByRoundId(existing.getId());
      quotas.deleteByRoundId(existing.getId());
      candidates.flush();
      return existing;
    }).orElseGet(() -> rounds.save(new CommendationRound(committeeCode, phaseId, now)));

    Set<String> participants = new LinkedHashSet<>(campaign.participants());
    Map<String, Organization> scope = new LinkedHashMap<>();
    for (Organization org : organizations.scope(committeeCode)) {
      if (participants.contains(org.getCode())) {
        scope.put(org.getCode(), org);
      }
    }
    Map<String, Evaluation> latest = new HashMap<>();
    for (Evaluation e : evaluations.withResults(phaseId)) {
      if ((e.getStatus() == Evaluation.Status.CONFIRMED || e.getStatus() == Evaluation.Status.ANNOUNCED)
          && scope.containsKey(e.getOrgCode())) {
        latest.merge(e.getOrgCode(), e, (a, b) -> a.getYear() >= b.getYear() ? a : b);
      }
    }
    Map<Long, List<EvaluationResult>> results = evaluations.resultsOf(latest.values());
    Map<String, EvaluationResult> eligibleOrgs = new HashMap<>();
    Map<String, EvaluationResult> eligibleMembers = new HashMap<>();
    Map<String, Evaluation> evaluationOf = new HashMap<>();
    Map<String, String> orgOfMember = new HashMap<>();
    for (Evaluation e : latest.values()) {
      for (EvaluationResult r : results.getOrDefault(e.getId(), List.of())) {
        if (!r.isCommendable()) {
          continue;
        }
        String subject = r.isMember() ? r.getMemberNo() : e.getOrgCode();
        evaluationOf.put(subject, e);
        if (r.isMember()) {
          eligibleMembers.put(r.getMemberNo(), r);
          orgOfMember.put(r.getMemberNo(), e.getOrgCode());
        } else {
          eligibleOrgs.put(e.getOrgCode(), r);
        }
      }
    }
    for (Ranking.Ranked ranked : Ranking.rank(entries(eligibleOrgs))) {
      String code = ranked.entry().subject();
      candidates.save(new Candidate(round.getId(), code, null, ranked.rank(),
          basis(eligibleOrgs.get(code), evaluationOf.get(code))));
    }
    for (Ranking.Ranked ranked : Ranking.rank(entries(eligibleMembers))) {
      String memberNo = ranked.entry().subject();
      candidates.save(new Candidate(round.getId(), orgOfMember.get(memberNo), memberNo, ranked.rank(),
          basis(eligibleMembers.get(memberNo), evaluationOf.get(memberNo))));
    }

    Map<String, Integer> membersOf = organizations.memberCounts(scope.keySet());
    for (Title title : Title.values()) {
      int base;
      int eligible;
      if (!title.isMember()) {
        base = scope.size();
        eligible = eligibleOrgs.size();
      } else {
        base = scope.values().stream().filter(o -> title.openTo(o.getSystem()))
            .mapToInt(o -> membersOf.get(o.getCode())).sum();
        eligible = (int) eligibleMembers.keySet().stream()
            .filter(m -> title.openTo(scope.get(orgOfMember.get(m)).getSystem())).count();
      }
      quotas.save(new Quota(round.getId(), title, base, eligible, Ranking.quota(settings.share(title), base, eligible)));
    }
    // A quota's id is its own: written now, so that the lookups of the round's quotas need no flush.
    quotas.flush();
    round.ranked(!eligibleOrgs.isEmpty() || !eligibleMembers.isEmpty(), now);
    return round;
  }

  private static List<Ranking.Entry> entries(Map<String, EvaluationResult> results) {
    return results.entrySet().stream()
        .map(e -> new Ranking.Entry(e.getKey(), e.getValue().getComposite(), e.getValue().getRate())).toList();
  }

  private static Candidate.Basis basis(EvaluationResult r, Evaluation e) {
    return new Candidate.Basis(r.getComposite(), r.getRate(), r.getMassScore(), r.getReviewScore(),
        r.getFulfilmentRate(), r.getRated(), r.getGrade() == null ? null : r.getGrade().label(), e.getYear(),
        r.getNote());
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  @Transactional(readOnly = true)
  public Optional<CommendationRound> round(String committeeCode, String phaseId) {
    return rounds.findByCommitteeCodeAndPhaseId(committeeCode, phaseId);
  }

  @Transactional(readOnly = true)
  public CommendationRound getRound(String committeeCode, String phaseId) {
    return round(committeeCode, phaseId).orElseThrow(() -> new IllegalStateException(
        "no commendation of " + committeeCode + " in phase " + phaseId));
  }

  @Transactional(readOnly = true)
  public CommendationRound roundOf(Nomination nomination) {
    return rounds.findById(nomination.getRoundId()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<CommendationRound> rounds(String phaseId) {
    return rounds.findByPhaseIdOrderByCommitteeCode(phaseId);
  }

  /** The eligible candidates, organizations first, each by rank. */
  @Transactional(readOnly = true)
  public List<Candidate> candidates(CommendationRound round) {
    List<Candidate> all = candidates.findByRoundIdOrderByRankAscSubjectAsc(round.getId());
    List<Candidate> result = new ArrayList<>(all.stream().filter(c -> !c.isMember()).toList());
    result.addAll(all.stream().filter(Candidate::isMember).toList());
    return result;
  }

  @Transactional(readOnly = true)
  public Map<Title, Quota> quotas(CommendationRound round) {
    Map<Title, Quota> result = new EnumMap<>(Title.class);
    quotas.findByRoundIdOrderByTitle(round.getId()).forEach(q -> result.put(q.getTitle(), q));
    return result;
  }

  /** The organizations with eligible members: each nominates in 推荐优秀党员. */
  @Transactional(readOnly = true)
  public List<String> nominatingOrgs(CommendationRound round) {
    return candidates(round).stream().filter(Candidate::isMember).map(Candidate::getOrgCode).distinct().sorted()
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Candidate> eligibleMembers(CommendationRound round, String orgCode) {
    return candidates.findByRoundIdAndOrgCodeAndMemberNoIsNotNullOrderByRankAscSubjectAsc(round.getId(), orgCode);
  }

  @Transactional(readOnly = true)
  public Optional<Candidate> candidate(CommendationRound round, String subject) {
    return candidates.findByRoundIdAndSubject(round.getId(), subject);
  }

  /** The round's candidates and their ranks under each title, read once: see {@link Standings}. */
  @Transactional(readOnly = true)
  public Standings standings(CommendationRound round) {
    List<Candidate> all = candidates(round);
    return new Standings(all, organizations.systemsOf(all.stream().map(Candidate::getOrgCode).distinct().toList()),
        quotas(round));
  }

  @Transactional(readOnly = true)
  public Nomination nomination(Long id) {
    return nominations.findById(id).orElseThrow(() -> new IllegalStateException("no nomination " + id));
  }

  @Transactional(readOnly = true)
  public List<Nomination> nominations(CommendationRound round) {
    return nominations.findByRoundIdOrderById(round.getId());
  }

  @Transactional(readOnly = true)
  public List<Nomination> nominationsOfPhase(String phaseId) {
    return nominations.findByPhaseIdOrderById(phaseId);
  }

  @Transactional(readOnly = true)
  public List<NominationReply> replies(CommendationRound round) {
    return replies.findByRoundIdOrderByOrgCode(round.getId());
  }

  @Transactional(readOnly = true)
  public List<NominationDecision> decisions(Long nominationId) {
    return decisions.findByNominationIdOrderByDecidedAtAscIdAsc(nominationId);
  }

  @Transactional(readOnly = true)
  public Map<Long, List<NominationDecision>> decisions(Collection<Nomination> list) {
    if (list.isEmpty()) {
      return Map.of();
    }
    return decisions.findByNominationIdInOrderByDecidedAtAscIdAsc(list.stream().map(Nomination::getId).toList())
        .stream().collect(Collectors.groupingBy(NominationDecision::getNominationId, LinkedHashMap::new,
            Collectors.toList()));
  }

  @Transactional(readOnly = true)
  public List<AwardedTitle> awarded(String phaseId) {
    return titles.findByPhaseIdOrderByTitleAscCommitteeCodeAscSubjectAsc(phaseId);
  }

  @Transactional(readOnly = true)
  public List<AwardedTitle> allAwarded() {
    return titles.findAllByOrderByAwardedAtDescTitleAscSubjectAsc();
  }

  /** The bodies that co-approve (会签) a nomination: its approvers other than the nominating committee. */
  @Transactional(readOnly = true)
  public List<String> coApprovers(Long nominationId) {
    Nomination nomination = nomination(nominationId);
    String committee = roundOf(nomination).getCommitteeCode();
    return organizations.approvers(nomination.getOrgCode()).stream().map(Organization::getCode)
        .filter(code -> !code.equals(committee)).toList();
  }

  /** How people name the phase: 第一时段：专题, or its id where the campaign does not know it. */
  @Transactional(readOnly = true)
  public String phaseLabel(String phaseId) {
    return campaign.find(phaseId).map(Phase::label).orElse("时段 " + phaseId);
  }

  // ---------------------------------------------------------------------------------------------
  // 推荐优秀党员

  /** What is wrong with an organization's proposals, in Chinese; empty where they can be saved. */
  @Transactional(readOnly = true)
  public List<String> checkProposals(CommendationRound round, String orgCode, List<Proposal> proposals) {
    List<String> problems = new ArrayList<>();
    Map<String, Candidate> eligible = eligibleMembers(round, orgCode).stream()
        .collect(Collectors.toMap(Candidate::getMemberNo, Function.identity()));
    OrgSystem system = organizations.get(orgCode).getSystem();
    Set<String> seen = new java.util.HashSet<>();
    for (Proposal p : proposals) {
      String name = memberName(p.memberNo());
      if (!eligible.containsKey(p.memberNo())) {
        problems.add(name + "不符合评选条件（群众评议结果未确认或不可参加评先评优），不能推荐");
        continue;
      }
      if (!p.title().openTo(system)) {
        problems.add("“" + p.title().label() + "”不是本系统党员可以申报的称号");
        continue;
      }
      if (!seen.add(p.memberNo() + "|" + p.title())) {
        problems.add(name + "被重复推荐为“" + p.title().label() + "”，同一称号只能推荐一次");
        continue;
      }
      if (nominations.existsByPhaseIdAndSubjectAndTitle(round.getPhaseId(), p.memberNo(), p.title())) {
        problems.add(alreadyNominated(name, p.title()));
      }
    }
    return problems;
  }

  /** Saves an organization's proposals, or its reason for proposing nobody. */
  public List<Nomination> propose(CommendationRound round, String orgCode, List<Proposal> proposals, String noneReason,
      String by) {
    List<String> problems = checkProposals(round, orgCode, proposals);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
    if (replies.existsByRoundIdAndOrgCode(round.getId(), orgCode)) {
      throw new IllegalStateException(orgCode + " has already nominated in round " + round.getId());
    }
    Instant now = clock.instant();
    List<Nomination> saved = new ArrayList<>();
    for (Proposal p : proposals) {
      Nomination n = nominations.save(new Nomination(round.getId(), round.getPhaseId(), orgCode, p.memberNo(),
          p.title(), p.deeds(), Nomination.Status.PROPOSED, by, now));
      decisions.save(new NominationDecision(n.getId(), NominationDecision.Stage.PROPOSE, orgCode, by, now,
          NominationDecision.Outcome.PROPOSED, null, 1));
      saved.add(n);
    }
    replies.save(new NominationReply(round.getId(), orgCode, proposals.size(), proposals.isEmpty() ? noneReason : null,
        by, now));
    return saved;
  }

  // ---------------------------------------------------------------------------------------------
  // 评选

  /** What is wrong with the committee's choice, in Chinese: eligibility, quotas, reasons. */
  @Transactional(readOnly = true)
  public List<String> checkSelection(CommendationRound round, Selection selection) {
    List<String> problems = new ArrayList<>();
    Standings standings = standings(round);
    List<String> outside = new ArrayList<>();
    for (String code : selection.orgCodes()) {
      Candidate c = standings.candidate(code).filter(candidate -> !candidate.isMember()).orElse(null);
      if (c == null) {
        problems.add(orgName(code) + "不符合评选条件，不能推荐为先进基层党组织");
      } else if (!standings.withinQuota(c, Title.ADVANCED_ORGANIZATION)) {
        outside.add(orgName(code) + "（先进基层党组织第 " + standings.rank(c, Title.ADVANCED_ORGANIZATION) + " 名）");
      }
    }
    Map<Title, Integer> counts = new EnumMap<>(Title.class);
    counts.put(Title.ADVANCED_ORGANIZATION, selection.orgCodes().size());
    Map<Long, Nomination> proposed = nominations(round).stream()
        .filter(n -> n.getStatus() == Nomination.Status.PROPOSED)
        .collect(Collectors.toMap(Nomination::getId, Function.identity()));
    for (Long id : selection.nominationIds()) {
      Nomination n = proposed.get(id);
      if (n == null) {
        problems.add("推荐（编号 " + id + "）不在待评选之列");
        continue;
      }
      counts.merge(n.getTitle(), 1, Integer::sum);
      Candidate c = standings.candidate(n.getMemberNo()).orElse(null);
      if (c == null) {
        problems.add(memberName(n.getMemberNo()) + "不符合评选条件，不能推荐");
      } else if (!standings.withinQuota(c, n.getTitle())) {
        outside.add(memberName(n.getMemberNo()) + "（" + n.getTitle().label() + "第 " + standings.rank(c, n.getTitle())
            + " 名）");
      }
    }
    for (Map.Entry<Title, Integer> e : counts.entrySet()) {
      int allowed = standings.quota(e.getKey()).map(Quota::getQuota).orElse(0);
      if (e.getValue() > allowed) {
        problems.add("“" + e.getKey().label() + "”名额为 " + allowed + (e.getKey().isMember() ? " 名" : " 个")
            + "，已选 " + e.getValue() + (e.getKey().isMember() ? " 名" : " 个") + "，超出名额，请减少");
      }
    }
    boolean noReason = selection.reason() == null || selection.reason().isBlank();
    if (!outside.isEmpty() && noReason) {
      problems.add("推荐排名在名额以外的对象须写明理由：" + String.join("、", outside));
    }
    if (selection.orgCodes().isEmpty() && selection.nominationIds().isEmpty() && noReason) {
      problems.add("不推荐任何对象时须写明理由");
    }
    return problems;
  }

  /**
   * Records the committee's choice: nominations for 先进基层党组织 (the account of deeds drawn from the
   * organization's fulfilled commitment, revisable later), the members forwarded or not. Answers the
   * nominations that go to the approvers, in order.
   */
  public List<Nomination> select(CommendationRound round, Selection selection, String by) {
    List<String> problems = checkSelection(round, selection);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
    Instant now = clock.instant();
    String committee = round.getCommitteeCode();
    Standings standings = standings(round);
    List<Nomination> forwarded = new ArrayList<>();
    for (String code : selection.orgCodes()) {
      if (nominations.existsByPhaseIdAndSubjectAndTitle(round.getPhaseId(), code, Title.ADVANCED_ORGANIZATION)) {
        throw new IllegalArgumentException(alreadyNominated(orgName(code), Title.ADVANCED_ORGANIZATION));
      }
      Nomination n = nominations.save(new Nomination(round.getId(), round.getPhaseId(), code, null,
          Title.ADVANCED_ORGANIZATION, organizationDeeds(code, round.getPhaseId()), Nomination.Status.PROPOSED, by, now));
      forwarded.add(selected(standings, n, committee, by, now, selection.reason()));
    }
    for (Nomination n : nominations(round)) {
      if (n.getStatus() != Nomination.Status.PROPOSED || !n.isMember()) {
        continue;
      }
      if (selection.nominationIds().contains(n.getId())) {
        forwarded.add(selected(standings, n, committee, by, now, selection.reason()));
      } else {
        n.notSelected();
        decisions.save(new NominationDecision(n.getId(), NominationDecision.Stage.SELECT, committee, by, now,
            NominationDecision.Outcome.NOT_SELECTED, selection.reason(), 1));
      }
    }
    boolean none = forwarded.isEmpty();
    round.selected(by, now, none ? selection.reason() : null);
    return forwarded;
  }

  private Nomination selected(Standings standings, Nomination n, String committee, String by, Instant now,
      String reason) {
    Candidate c = standings.candidate(n.getSubject()).orElseThrow();
    boolean outside = !standings.withinQuota(c, n.getTitle());
    n.selected(outside, reason);
    decisions.save(new NominationDecision(n.getId(), NominationDecision.Stage.SELECT, committee, by, now,
        NominationDecision.Outcome.SELECTED, outside ? reason : null, n.getSubmissions()));
    return n;
  }

  /**
   * The first account of an organization's deeds: its public commitment for the phase and how it was
   * honoured (工作实绩). The committee rewrites it when the city office asks for more.
   */
  String organizationDeeds(String orgCode, String phaseId) {
    List<CommitmentItem> items = commitments.items(orgCode, phaseId);
    if (items.isEmpty()) {
      return "本时段未登记公开承诺事项，推荐依据为组织考核和群众评议结果。";
    }
    long fulfilled = items.stream().filter(i -> i.getFulfilmentStatus() == CommitmentItem.Fulfilment.FULFILLED).count();
    StringBuilder text = new StringBuilder("本时段公开承诺事项 " + items.size() + " 项，已兑现 " + fulfilled + " 项：");
    for (CommitmentItem item : items) {
      text.append('\n').append(item.getSeq()).append(". ").append(item.getText());
      if (item.getFulfilmentStatus() != null) {
        text.append("（").append(item.getFulfilmentStatus().label()).append("）");
      }
    }
    // The committee may resubmit it unchanged: it must fit the form.
    return text.length() > CommendationProcess.MAX_TEXT ? text.substring(0, CommendationProcess.MAX_TEXT) : text.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // 会签, 审批推荐, 修改推荐

  /** A co-approving body's decision; a rejection ends the nomination. */
  public Nomination coApprove(Long nominationId, String bodyCode, String by, boolean approved, String reason) {
    Nomination n = inApproval(nominationId);
    decisions.save(new NominationDecision(n.getId(), NominationDecision.Stage.CO_APPROVE, bodyCode, by,
        clock.instant(), approved ? NominationDecision.Outcome.APPROVED : NominationDecision.Outcome.REJECTED, reason,
        n.getSubmissions()));
    if (!approved) {
      n.status(Nomination.Status.JOINT_REJECTED);
    }
    return n;
  }

  /** The city office's decision: approved, or returned to the committee with a reason. */
  public Nomination cityApprove(Long nominationId, String by, boolean approved, String reason) {
    Nomination n = inApproval(nominationId);
    if (approved) {
      CommendationRound round = roundOf(n);
      long already = nominations(round).stream()
          .filter(o -> o.getTitle() == n.getTitle() && (o.getStatus() == Nomination.Status.APPROVED
              || o.getStatus() == Nomination.Status.COMMENDED))
          .count();
      Quota quota = quotas(round).get(n.getTitle());
      if (quota == null || already >= quota.getQuota()) {
        throw new IllegalArgumentException("“" + n.getTitle().label() + "”的名额（" + (quota == null ? 0 : quota.getQuota())
            + "）已用完，不能再批准");
      }
    }
    decisions.save(new NominationDecision(n.getId(), NominationDecision.Stage.CITY_APPROVE, cityOfficeCode(), by,
        clock.instant(), approved ? NominationDecision.Outcome.APPROVED : NominationDecision.Outcome.REJECTED, reason,
        n.getSubmissions()));
    n.status(approved ? Nomination.Status.APPROVED : Nomination.Status.RETURNED);
    return n;
  }

  /** The committee's answer to a return: revised deeds and a new submission, or a withdrawal. */
  public Nomination revise(Long nominationId, String by, boolean resubmit, String deeds, String reason) {
    Nomination n = nomination(nominationId);
    if (n.getStatus() != Nomination.Status.RETURNED) {
      throw new IllegalStateException("nomination " + nominationId + " is " + n.getStatus());
    }
    String committee = roundOf(n).getCommitteeCode();
    decisions.save(new NominationDecision(n.getId(), NominationDecision.Stage.REVISE, committee, by, clock.instant(),
        resubmit ? NominationDecision.Outcome.RESUBMITTED : NominationDecision.Outcome.WITHDRAWN, reason,
        n.getSubmissions()));
    if (resubmit) {
      n.resubmitted(deeds);
    } else {
      n.status(Nomination.Status.WITHDRAWN);
    }
    return n;
  }

  private Nomination inApproval(Long nominationId) {
    Nomination n = nomination(nominationId);
    if (n.getStatus() != Nomination.Status.IN_APPROVAL) {
      throw new IllegalStateException("nomination " + nominationId + " is " + n.getStatus());
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // 表彰

  /**
   * Awards the titles of the approved nominations, within each title's quota; awarding again adds
   * nothing.
   */
  public List<AwardedTitle> commend(String committeeCode, String phaseId) {
    CommendationRound round = getRound(committeeCode, phaseId);
    Map<Title, Quota> quota = quotas(round);
    Instant now = clock.instant();
    List<Nomination> approved = nominations(round).stream()
        .filter(n -> n.getStatus() == Nomination.Status.APPROVED || n.getStatus() == Nomination.Status.COMMENDED)
        .toList();
    Map<Title, Long> perTitle = approved.stream().collect(Collectors.groupingBy(Nomination::getTitle,
        Collectors.counting()));
    perTitle.forEach((title, count) -> {
      if (count > quota.get(title).getQuota()) {
        throw new IllegalStateException(title + " over its quota in round " + round.getId());
      }
    });
    Standings standings = standings(round);
    List<AwardedTitle> awarded = new ArrayList<>();
    for (Nomination n : approved) {
      if (titles.existsByPhaseIdAndSubjectAndTitle(phaseId, n.getSubject(), n.getTitle())) {
        continue;
      }
      BigDecimal composite = standings.candidate(n.getSubject()).map(Candidate::getComposite).orElse(null);
      awarded.add(titles.save(new AwardedTitle(round, n, composite, now)));
      n.status(Nomination.Status.COMMENDED);
    }
    if (round.getStatus() != CommendationRound.Status.COMMENDED) {
      round.commended(now);
    }
    return awarded;
  }

  // ---------------------------------------------------------------------------------------------

  String orgName(String code) {
    return organizations.find(code).map(Organization::getName).orElse(code);
  }

  String memberName(String memberNo) {
    return organizations.member(memberNo).map(Member::getName).orElse(memberNo);
  }

  String cityOfficeCode() {
    return organizations.cityOffice().map(Organization::getCode).orElse(OrganizationService.CITY_OFFICE_GROUP);
  }

  static String alreadyNominated(String name, Title title) {
    return name + "在本时段已被推荐为“" + title.label() + "”，同一称号在一个时段内只能推荐、授予一次";
  }
}
