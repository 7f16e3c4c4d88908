package cn.wujiang.cxzy.evaluation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.wujiang.cxzy.review.Criterion;

/**
 * Ballots counted: how many there were, how many rated each of the organization's criteria each way,
 * how many rated each member each way (a ballot may leave a member unrated). Electronic ballots and
 * paper tallies are counted alike and added up.
 */
public record Tally(int ballots, Map<Criterion, Map<Satisfaction, Integer>> criteria,
    Map<String, Map<MemberRating, Integer>> members) {

  public Tally {
    criteria = Collections.unmodifiableMap(new EnumMap<>(criteria.isEmpty() ? new EnumMap<>(Criterion.class) : criteria));
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public static Tally empty() {
    return new Tally(0, Map.of(), Map.of());
  }

  public int count(Criterion criterion, Satisfaction satisfaction) {
    return criteria.getOrDefault(criterion, Map.of()).getOrDefault(satisfaction, 0);
  }

  public int count(String memberNo, MemberRating rating) {
    return members.getOrDefault(memberNo, Map.of()).getOrDefault(rating, 0);
  }

  /** The counts of one criterion, every satisfaction present (zero where none). */
  public Map<Satisfaction, Integer> of(Criterion criterion) {
    Map<Satisfaction, Integer> result = new EnumMap<>(Satisfaction.class);
    for (Satisfaction s : Satisfaction.values()) {
      result.put(s, count(criterion, s));
    }
    return result;
  }

  /** The counts of one member, every rating present (zero where none). */
  public Map<MemberRating, Integer> of(String memberNo) {
    Map<MemberRating, Integer> result = new EnumMap<>(MemberRating.class);
    for (MemberRating r : MemberRating.values()) {
      result.put(r, count(memberNo, r));
    }
    return result;
  }

  /** How many ballots left a member unrated. */
  public int skipped(String memberNo) {
    return ballots - of(memberNo).values().stream().mapToInt(Integer::intValue).sum();
  }

  public Tally plus(Tally other) {
    Map<Criterion, Map<Satisfaction, Integer>> c = new EnumMap<>(Criterion.class);
    for (Tally t : new Tally[] {this, other}) {
      t.criteria.forEach((criterion, counts) -> counts.forEach((s, n) ->
          c.computeIfAbsent(criterion, k -> new EnumMap<>(Satisfaction.class)).merge(s, n, Integer::sum)));
    }
    Map<String, Map<MemberRating, Integer>> m = new LinkedHashMap<>();
    for (Tally t : new Tally[] {this, other}) {
      t.members.forEach((memberNo, counts) -> counts.forEach((r, n) ->
          m.computeIfAbsent(memberNo, k -> new EnumMap<>(MemberRating.class)).merge(r, n, Integer::sum)));
    }
    return new Tally(ballots + other.ballots, c, m);
  }

  /** Builds a tally one count at a time. */
  public static final class Builder {
    private int ballots;
    private final Map<Criterion, Map<Satisfaction, Integer>> criteria = new EnumMap<>(Criterion.class);
    private final Map<String, Map<MemberRating, Integer>> members = new LinkedHashMap<>();

    public Builder ballots(int ballots) {
      this.ballots = ballots;
      return this;
    }

    public Builder add(Criterion criterion, Satisfaction satisfaction, int count) {
      criteria.computeIfAbsent(criterion, k -> new EnumMap<>(Satisfaction.class)).merge(satisfaction, count, Integer::sum);
      return this;
    }

    public Builder add(String memberNo, MemberRating rating, int count) {
      members.computeIfAbsent(memberNo, k -> new EnumMap<>(MemberRating.class)).merge(rating, count, Integer::sum);
      return this;
    }

    public Tally build() {
      return new Tally(ballots, criteria, members);
    }
  }
}
