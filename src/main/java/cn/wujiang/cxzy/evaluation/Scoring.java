package cn.wujiang.cxzy.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wujiang.cxzy.review.Criterion;

/**
 * The arithmetic of 计分, apart from where the numbers come from.
 * <ul>
 * <li>A criterion's score is the mean of its ratings' points (满意 100, 基本满意 60, 不满意 0; 不了解 left
 * out); the organization's mass-evaluation score is the mean of its criteria's scores.</li>
 * <li>The satisfaction rate is 满意 + 基本满意 over every rating but 不了解, all criteria together.</li>
 * <li>A member's score is the mean of the points (优秀 100, 合格 80, 基本合格 60, 不合格 0) of the ballots
 * that rated the member; the trust rate is 优秀 + 合格 over those ballots.</li>
 * <li>The composite is the weighted mean of the mass-evaluation score, the leadership-review score and
 * the fulfilment rate (as 0–100); a part without data is left out and the others keep their
 * proportions. A member has no fulfilment rate of their own.</li>
 * </ul>
 * Scores have two decimals, rates four, rounded half up.
 */
final class Scoring {

  /** The composite's weights, from cxzy.evaluation.weights. */
  record Weights(double mass, double review, double fulfilment) {

    static Weights of(EvaluationProperties.Weights weights) {
      return new Weights(weights.getMass(), weights.getReview(), weights.getFulfilment());
    }
  }

  /** What scoring found for one subject. */
  record Result(int electronicBallots, int paperBallots, int rated, Map<String, Integer> counts,
      Map<String, BigDecimal> criterionScores, BigDecimal rate, BigDecimal massScore, BigDecimal reviewScore,
      BigDecimal fulfilmentRate, BigDecimal composite) {
  }

  /** A member proposed for 优秀, as the cap ranks them. */
  record Candidate(String memberNo, BigDecimal composite, BigDecimal rate) {
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Weights weights;

  Scoring(Weights weights) {
    this.weights = weights;
  }

  Result organization(Tally electronic, Tally paper, BigDecimal reviewScore, BigDecimal fulfilmentRate) {
    Tally all = electronic.plus(paper);
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    List<Map<Satisfaction, Integer>> perCriterion = new ArrayList<>();
    for (Criterion criterion : Criterion.of(false)) {
      Map<Satisfaction, Integer> c = all.of(criterion);
      perCriterion.add(c);
      c.forEach((s, n) -> counts.put(criterion.name() + "." + s.name(), n));
      scores.put(criterion.name(), criterionScore(c));
    }
    BigDecimal mass = mean(scores.values());
    return new Result(electronic.ballots(), paper.ballots(), all.ballots(), counts, scores,
        satisfactionRate(perCriterion), mass, reviewScore, fulfilmentRate,
        composite(mass, reviewScore, fulfilmentRate));
  }

  Result member(String memberNo, Tally electronic, Tally paper, BigDecimal reviewScore) {
    Tally all = electronic.plus(paper);
    Map<MemberRating, Integer> c = all.of(memberNo);
    Map<String, Integer> counts = new LinkedHashMap<>();
    c.forEach((r, n) -> counts.put(r.name(), n));
    counts.put(MemberRating.SKIPPED, all.skipped(memberNo));
    int rated = c.values().stream().mapToInt(Integer::intValue).sum();
    BigDecimal mass = memberScore(c);
    return new Result(electronic.ballots(), paper.ballots(), rated, counts, Map.of(), trustRate(c), mass,
        reviewScore, null, composite(mass, reviewScore, null));
  }

  /** The mean points of a criterion's ratings, 不了解 left out; null where nobody rated it. */
  static BigDecimal criterionScore(Map<Satisfaction, Integer> counts) {
    int rated = 0;
    int points = 0;
    for (Map.Entry<Satisfaction, Integer> e : counts.entrySet()) {
      if (e.getKey().points() != null) {
        rated += e.getValue();
        points += e.getKey().points() * e.getValue();
      }
    }
    return rated == 0 ? null : divide(points, rated, 2);
  }

  /** 满意 + 基本满意 over every rating but 不了解; null where there is none. */
  static BigDecimal satisfactionRate(Collection<Map<Satisfaction, Integer>> criteria) {
    int satisfied = 0;
    int rated = 0;
    for (Map<Satisfaction, Integer> counts : criteria) {
      for (Map.Entry<Satisfaction, Integer> e : counts.entrySet()) {
        if (e.getKey() != Satisfaction.UNKNOWN) {
          rated += e.getValue();
          satisfied += e.getKey().satisfied() ? e.getValue() : 0;
        }
      }
    }
    return rated == 0 ? null : divide(satisfied, rated, 4);
  }

  /** 优秀 + 合格 over the ballots that rated the member; null where none did. */
  static BigDecimal trustRate(Map<MemberRating, Integer> counts) {
    int rated = counts.values().stream().mapToInt(Integer::intValue).sum();
    int trusted = counts.entrySet().stream().filter(e -> e.getKey().trusted()).mapToInt(Map.Entry::getValue).sum();
    return rated == 0 ? null : divide(trusted, rated, 4);
  }

  /** The mean points of the ballots that rated the member; null where none did. */
  static BigDecimal memberScore(Map<MemberRating, Integer> counts) {
    int rated = counts.values().stream().mapToInt(Integer::intValue).sum();
    int points = counts.entrySet().stream().mapToInt(e -> e.getKey().points() * e.getValue()).sum();
    return rated == 0 ? null : divide(points, rated, 2);
  }

  /** The weighted mean of the parts that have data; null where none has. */
  BigDecimal composite(BigDecimal mass, BigDecimal review, BigDecimal fulfilmentRate) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weight = BigDecimal.ZERO;
    BigDecimal[][] parts = {
        {mass, BigDecimal.valueOf(weights.mass())},
        {review, BigDecimal.valueOf(weights.review())},
        {fulfilmentRate == null ? null : fulfilmentRate.multiply(HUNDRED), BigDecimal.valueOf(weights.fulfilment())}};
    for (BigDecimal[] part : parts) {
      if (part[0] != null && part[1].signum() > 0) {
        sum = sum.add(part[0].multiply(part[1]));
        weight = weight.add(part[1]);
      }
    }
    return weight.signum() == 0 ? null : sum.divide(weight, 2, RoundingMode.HALF_UP);
  }

  /**
   * The members proposed for 优秀 beyond one third of those rated (rounded down): the highest
   * composite keeps 优秀, then the higher trust rate, then the lower member number.
   */
  static List<String> beyondExcellentCap(List<Candidate> excellent, int rated) {
    int cap = rated / 3;
    Comparator<BigDecimal> highFirst = Comparator.nullsLast(Comparator.reverseOrder());
    List<Candidate> ranked = excellent.stream()
        .sorted(Comparator.comparing(Candidate::composite, highFirst)
            .thenComparing(Candidate::rate, highFirst)
            .thenComparing(Candidate::memberNo))
        .toList();
    return ranked.stream().skip(cap).map(Candidate::memberNo).toList();
  }

  private static BigDecimal mean(Collection<BigDecimal> values) {
    List<BigDecimal> present = values.stream().filter(v -> v != null).toList();
    if (present.isEmpty()) {
      return null;
    }
    return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(present.size()), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal divide(int numerator, int denominator, int scale) {
    return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
  }
}
