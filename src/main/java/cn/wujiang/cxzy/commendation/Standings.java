package cn.wujiang.cxzy.commendation;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wujiang.cxzy.organization.OrgSystem;

/**
 * A round's candidates, quotas and the pool each title is ranked in, read once: for a form, a list or
 * a check that ranks candidates, so that no row reads the whole round again.
 */
public final class Standings {

  private final List<Candidate> candidates;
  private final Map<String, Candidate> bySubject;
  private final Map<Title, Quota> quotas;
  private final Map<Title, List<BigDecimal>> pools = new EnumMap<>(Title.class);

  Standings(List<Candidate> candidates, Map<String, OrgSystem> systems, Map<Title, Quota> quotas) {
    this.candidates = List.copyOf(candidates);
    this.bySubject = candidates.stream()
        .collect(Collectors.toMap(Candidate::getSubject, Function.identity(), (first, other) -> first));
    this.quotas = quotas;
    for (Title title : Title.values()) {
      pools.put(title, candidates.stream()
          .filter(c -> title.isMember() ? c.isMember() && title.openTo(systems.get(c.getOrgCode())) : !c.isMember())
          .map(Candidate::getComposite).toList());
    }
  }

  /** The round's candidates: the organizations, then the members, each by rank. */
  public List<Candidate> candidates() {
    return candidates;
  }

  /** The round's quotas, by title. */
  public Map<Title, Quota> quotas() {
    return quotas;
  }

  /** The candidate of an organization's code or a member's number, if eligible in the round. */
  public Optional<Candidate> candidate(String subject) {
    return Optional.ofNullable(bySubject.get(subject));
  }

  /**
   * The rank of a candidate among those who may receive the title: the organizations for
   * 先进基层党组织, the members of the title's system for a carrier title, all members for 优秀共产党员.
   */
  public int rank(Candidate candidate, Title title) {
    return Ranking.rankAmong(candidate.getComposite(), pools.get(title));
  }

  /** The title's quota in the round, if anyone is eligible for it. */
  public Optional<Quota> quota(Title title) {
    return Optional.ofNullable(quotas.get(title));
  }

  /** Whether the candidate is within the title's quota (no more than quota − 1 candidates above it). */
  public boolean withinQuota(Candidate candidate, Title title) {
    Quota quota = quotas.get(title);
    return quota != null && rank(candidate, title) <= quota.getQuota();
  }
}
