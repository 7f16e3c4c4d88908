package cn.wujiang.cxzy.commitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** Commitments, claimed items and fulfilment: what the commitment processes save and the board shows. */
@Service
@Transactional
public class CommitmentService {

  private final CommitmentRepository commitments;
  private final CommitmentItemRepository items;
  private final MemberCommitmentRepository memberCommitments;
  private final OrganizationService organizations;
  private final Clock clock;

  CommitmentService(CommitmentRepository commitments, CommitmentItemRepository items,
      MemberCommitmentRepository memberCommitments, OrganizationService organizations, Clock clock) {
    this.commitments = commitments;
    this.items = items;
    this.memberCommitments = memberCommitments;
    this.organizations = organizations;
    this.clock = clock;
  }

  /** A draft as the organization wrote it. */
  public record Draft(String guidance, String phaseGoals, List<String> items, String standardOrg,
      String standardMember, List<String> carriers) {
  }

  /** A member's commitment as the organization's table shows it. */
  public record MemberLine(String memberNo, String memberName, String items, String text, String status,
      String recordedBy) {
  }

  @Transactional(readOnly = true)
  public Optional<Commitment> find(String orgCode, String phaseId) {
    return commitments.findByOrgCodeAndPhaseId(orgCode, phaseId);
  }

  @Transactional(readOnly = true)
  public List<CommitmentItem> items(String orgCode, String phaseId) {
    return find(orgCode, phaseId).map(c -> items.findByCommitmentIdOrderBySeq(c.getId())).orElse(List.of());
  }

  /** Saves or replaces the organization's draft; the items are numbered in order from 1. */
  public Commitment saveDraft(String orgCode, String phaseId, Draft draft) {
    Commitment commitment = commitments.findByOrgCodeAndPhaseId(orgCode, phaseId)
        .orElseGet(() -> commitments.save(new Commitment(orgCode, phaseId)));
    commitment.draft(draft.guidance(), draft.phaseGoals(), draft.standardOrg(), draft.standardMember(),
        String.join("、", draft.carriers()));
    items.deleteByCommitmentId(commitment.getId());
    items.flush();
    int seq = 1;
    for (String text : draft.items()) {
      items.save(new CommitmentItem(commitment.getId(), seq++, text));
    }
    return commitment;
  }

  /** Records a return; answers how many times in a row the draft has now been returned. */
  public int returnDraft(String orgCode, String phaseId, String comment) {
    return get(orgCode, phaseId).returned(comment);
  }

  public void approve(String orgCode, String phaseId, String by, String comment) {
    get(orgCode, phaseId).approved(by, clock.instant(), comment);
  }

  public void claim(String orgCode, String phaseId, String memberNo, List<Integer> itemSeqs, String text,
      String recordedBy) {
    Commitment commitment = get(orgCode, phaseId);
    MemberCommitment mc = memberCommitments.findByCommitmentIdAndMemberNo(commitment.getId(), memberNo)
        .orElseGet(() -> new MemberCommitment(commitment.getId(), memberNo));
    mc.claim(itemSeqs.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")), text, recordedBy);
    memberCommitments.save(mc);
  }

  public Optional<MemberCommitment> memberCommitment(String orgCode, String phaseId, String memberNo) {
    return find(orgCode, phaseId)
        .flatMap(c -> memberCommitments.findByCommitmentIdAndMemberNo(c.getId(), memberNo));
  }

  @Transactional(readOnly = true)
  public List<MemberLine> memberLines(String orgCode, String phaseId) {
    Commitment commitment = get(orgCode, phaseId);
    Map<Integer, String> itemTexts = items.findByCommitmentIdOrderBySeq(commitment.getId()).stream()
        .collect(Collectors.toMap(CommitmentItem::getSeq, CommitmentItem::getText));
    Map<String, Member> members = organizations.members(orgCode).stream()
        .collect(Collectors.toMap(Member::getMemberNo, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<MemberLine> lines = new ArrayList<>();
    for (MemberCommitment mc : memberCommitments.findByCommitmentIdOrderByMemberNo(commitment.getId())) {
      Member member = members.get(mc.getMemberNo());
      lines.add(new MemberLine(mc.getMemberNo(), member == null ? mc.getMemberNo() : member.getName(),
          describe(mc.getItemSeqs(), itemTexts), mc.getText(), statusLabel(mc.getStatus()),
          mc.getRecordedBy()));
    }
    return lines;
  }

  public void returnMemberCommitment(String orgCode, String phaseId, String memberNo, String comment) {
    Commitment commitment = get(orgCode, phaseId);
    memberCommitments.findByCommitmentIdAndMemberNo(commitment.getId(), memberNo)
        .orElseThrow(() -> new IllegalArgumentException("no commitment of member " + memberNo))
        .returned(comment);
  }

  public void confirmMemberCommitments(String orgCode, String phaseId) {
    Commitment commitment = get(orgCode, phaseId);
    memberCommitments.findByCommitmentIdOrderByMemberNo(commitment.getId()).forEach(MemberCommitment::confirmed);
  }

  /** Publishes the commitment on the public board; publishing twice changes nothing. */
  public Commitment publish(String orgCode, String phaseId) {
    Commitment commitment = get(orgCode, phaseId);
    commitment.published(clock.instant());
    return commitment;
  }

  public void reportFulfilment(String orgCode, String phaseId, Map<Integer, CommitmentItem.Fulfilment> status,
      Map<Integer, String> accounts) {
    for (CommitmentItem item : items(orgCode, phaseId)) {
      item.fulfil(status.get(item.getSeq()), accounts.get(item.getSeq()));
    }
  }

  public void returnFulfilment(String orgCode, String phaseId, String comment) {
    get(orgCode, phaseId).fulfilmentReturned(comment);
  }

  /** The share of the items fulfilled, a partly fulfilled item counting half; stored for scoring. */
  public BigDecimal verifyFulfilment(String orgCode, String phaseId, String by, String comment) {
    Commitment commitment = get(orgCode, phaseId);
    List<CommitmentItem> list = items.findByCommitmentIdOrderBySeq(commitment.getId());
    BigDecimal rate = fulfilmentRate(list);
    commitment.fulfilmentVerified(rate, by, comment);
    return rate;
  }

  static BigDecimal fulfilmentRate(List<CommitmentItem> list) {
    if (list.isEmpty()) {
      return BigDecimal.ZERO;
    }
    double sum = list.stream()
        .mapToDouble(i -> i.getFulfilmentStatus() == null ? 0 : i.getFulfilmentStatus().weight()).sum();
    return BigDecimal.valueOf(sum / list.size()).setScale(4, RoundingMode.HALF_UP);
  }

  /** A published commitment with everything the public board shows. */
  public record Published(Organization org, Organization leader, Commitment commitment,
      List<CommitmentItem> items, List<MemberLine> members) {
  }

  @Transactional(readOnly = true)
  public List<Published> published(String query) {
    List<Commitment> list = commitments.findByStatusOrderByOrgCode(Commitment.Status.PUBLISHED);
    if (list.isEmpty()) {
      return List.of();
    }
    List<Long> ids = list.stream().map(Commitment::getId).toList();
    Map<Long, List<CommitmentItem>> itemsBy = items.findByCommitmentIdInOrderBySeq(ids).stream()
        .collect(Collectors.groupingBy(CommitmentItem::getCommitmentId));
    Map<Long, List<MemberCommitment>> membersBy = memberCommitments.findByCommitmentIdInOrderByMemberNo(ids)
        .stream().collect(Collectors.groupingBy(MemberCommitment::getCommitmentId));
    Map<String, Organization> orgs = organizations.all().stream()
        .collect(Collectors.toMap(Organization::getCode, Function.identity()));
    Map<String, String> memberNames = organizations.allMembers().stream()
        .collect(Collectors.toMap(Member::getMemberNo, Member::getName));
    String q = query == null ? "" : query.trim();
    List<Published> result = new ArrayList<>();
    for (Commitment c : list) {
      Organization org = orgs.get(c.getOrgCode());
      if (org == null || (!q.isEmpty() && !org.getName().contains(q) && !nullToEmpty(org.getUnitName()).contains(q))) {
        continue;
      }
      List<CommitmentItem> its = itemsBy.getOrDefault(c.getId(), List.of());
      Map<Integer, String> texts = its.stream().collect(Collectors.toMap(CommitmentItem::getSeq, CommitmentItem::getText));
      List<MemberLine> lines = membersBy.getOrDefault(c.getId(), List.of()).stream()
          .map(mc -> new MemberLine(mc.getMemberNo(), memberNames.getOrDefault(mc.getMemberNo(), ""),
              describe(mc.getItemSeqs(), texts), mc.getText(), statusLabel(mc.getStatus()), null))
          .toList();
      result.add(new Published(org, orgs.get(org.getLeaderCode()), c, its, lines));
    }
    return result;
  }

  private Commitment get(String orgCode, String phaseId) {
    return commitments.findByOrgCodeAndPhaseId(orgCode, phaseId)
        .orElseThrow(() -> new IllegalStateException("no commitment of " + orgCode + " in phase " + phaseId));
  }

  private static String describe(String seqs, Map<Integer, String> texts) {
    if (seqs == null || seqs.isBlank()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (String s : seqs.split(",")) {
      int seq = Integer.parseInt(s.trim());
      parts.add(seq + ". " + texts.getOrDefault(seq, ""));
    }
    return String.join("；", parts);
  }

  private static String statusLabel(MemberCommitment.Status status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case CLAIMED -> "已认领";
      case RETURNED -> "已退回修改";
      case CONFIRMED -> "已确认";
    };
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
