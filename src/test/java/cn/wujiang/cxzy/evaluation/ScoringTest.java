package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.wujiang.cxzy.review.Criterion;

/** 计分 on examples worked out by hand (weights 0.5 / 0.3 / 0.2 as in application.yaml). */
class ScoringTest {

  private final Scoring scoring = new Scoring(new Scoring.Weights(0.5, 0.3, 0.2));

  /** Ten electronic ballots, rated as in the comments. */
  private static Tally electronic() {
    return new Tally.Builder().ballots(10)
        // 满意, 基本满意, 不满意, 不了解
        .add(Criterion.LEADERSHIP, Satisfaction.SATISFIED, 6).add(Criterion.LEADERSHIP, Satisfaction.BASICALLY_SATISFIED, 2)
        .add(Criterion.LEADERSHIP, Satisfaction.DISSATISFIED, 1).add(Criterion.LEADERSHIP, Satisfaction.UNKNOWN, 1)
        .add(Criterion.MEMBERSHIP, Satisfaction.SATISFIED, 5).add(Criterion.MEMBERSHIP, Satisfaction.BASICALLY_SATISFIED, 5)
        .add(Criterion.MECHANISM, Satisfaction.SATISFIED, 4).add(Criterion.MECHANISM, Satisfaction.BASICALLY_SATISFIED, 3)
        .add(Criterion.MECHANISM, Satisfaction.DISSATISFIED, 2).add(Criterion.MECHANISM, Satisfaction.UNKNOWN, 1)
        .add(Criterion.PERFORMANCE, Satisfaction.SATISFIED, 8).add(Criterion.PERFORMANCE, Satisfaction.BASICALLY_SATISFIED, 1)
        .add(Criterion.PERFORMANCE, Satisfaction.DISSATISFIED, 1)
        .add(Criterion.PUBLIC_FEEDBACK, Satisfaction.SATISFIED, 3)
        .add(Criterion.PUBLIC_FEEDBACK, Satisfaction.BASICALLY_SATISFIED, 3)
        .add(Criterion.PUBLIC_FEEDBACK, Satisfaction.DISSATISFIED, 3).add(Criterion.PUBLIC_FEEDBACK, Satisfaction.UNKNOWN, 1)
        // M1: 优秀 3, 合格 4, 基本合格 2, 不合格 1 (rated on all ten); M2 rated by none
        .add("M1", MemberRating.EXCELLENT, 3).add("M1", MemberRating.QUALIFIED, 4)
        .add("M1", MemberRating.BASICALLY_QUALIFIED, 2).add("M1", MemberRating.UNQUALIFIED, 1)
        .build();
  }

  @Test
  void theOrganizationsCriterionScoresSatisfactionRateAndCompositeAreThoseWorkedOutByHand() {
    Scoring.Result r = scoring.organization(electronic(), Tally.empty(), new BigDecimal("90.00"), new BigDecimal("0.8000"));

    // (6×100 + 2×60 + 1×0) / 9 = 80; (5×100 + 5×60) / 10 = 80; (400 + 180) / 9 = 64.44;
    // (800 + 60) / 10 = 86; (300 + 180) / 9 = 53.33 (不了解 left out)
    assertThat(r.criterionScores()).containsExactly(
        Map.entry("LEADERSHIP", new BigDecimal("80.00")), Map.entry("MEMBERSHIP", new BigDecimal("80.00")),
        Map.entry("MECHANISM", new BigDecimal("64.44")), Map.entry("PERFORMANCE", new BigDecimal("86.00")),
        Map.entry("PUBLIC_FEEDBACK", new BigDecimal("53.33")));
    // (80 + 80 + 64.44 + 86 + 53.33) / 5 = 72.754
    assertThat(r.massScore()).isEqualByComparingTo("72.75");
    // 满意+基本满意 = 8 + 10 + 7 + 9 + 6 = 40 over 9 + 10 + 9 + 10 + 9 = 47 rated
    assertThat(r.rate()).isEqualByComparingTo("0.8511");
    // 0.5 × 72.75 + 0.3 × 90 + 0.2 × 80 = 36.375 + 27 + 16
    assertThat(r.composite()).isEqualByComparingTo("79.38");
    assertThat(r.electronicBallots()).isEqualTo(10);
    assertThat(r.paperBallots()).isZero();
    assertThat(r.rated()).isEqualTo(10);
    assertThat(r.counts()).containsEntry("LEADERSHIP.SATISFIED", 6).containsEntry("MEMBERSHIP.UNKNOWN", 0).hasSize(20);
  }

  @Test
  void partsWithoutDataAreLeftOutAndTheOthersKeepTheirProportions() {
    // no fulfilment rate yet: (36.375 + 27) / 0.8 = 79.21875
    assertThat(scoring.composite(new BigDecimal("72.75"), new BigDecimal("90"), null)).isEqualByComparingTo("79.22");
    // no review either: the mass score alone
    assertThat(scoring.composite(new BigDecimal("72.75"), null, null)).isEqualByComparingTo("72.75");
    // no ballots: (0.3 × 90 + 0.2 × 50) / 0.5 = 74
    assertThat(scoring.composite(null, new BigDecimal("90"), new BigDecimal("0.5"))).isEqualByComparingTo("74.00");
    assertThat(scoring.composite(null, null, null)).isNull();
    // a weight of 0 leaves its part out
    assertThat(new Scoring(new Scoring.Weights(1, 0, 0)).composite(new BigDecimal("60"), new BigDecimal("100"), null))
        .isEqualByComparingTo("60.00");
  }

  @Test
  void paperTalliesAddUpWithTheElectronicBallots() {
    Tally paper = new Tally.Builder().ballots(4)
        .add(Criterion.LEADERSHIP, Satisfaction.SATISFIED, 2).add(Criterion.LEADERSHIP, Satisfaction.DISSATISFIED, 2)
        .add("M1", MemberRating.EXCELLENT, 1).add("M1", MemberRating.QUALIFIED, 1)
        .build();
    Scoring.Result org = scoring.organization(electronic(), paper, null, null);
    // 领导班子好: 8 满意, 2 基本满意, 3 不满意, 1 不了解: (800 + 120) / 13 = 70.77
    assertThat(org.criterionScores().get("LEADERSHIP")).isEqualByComparingTo("70.77");
    assertThat(org.rated()).isEqualTo(14);
    assertThat(org.paperBallots()).isEqualTo(4);
    // 满意+基本满意 42 over 51 rated; the paper ballots rated only 领导班子好 … (others counted 0)
    assertThat(org.rate()).isEqualByComparingTo("0.8235");

    // M1: 优秀 4, 合格 5, 基本合格 2, 不合格 1 on 12 ballots, 2 paper ballots left M1 unrated
    Scoring.Result m1 = scoring.member("M1", electronic(), paper, new BigDecimal("78.00"));
    assertThat(m1.rated()).isEqualTo(12);
    assertThat(m1.counts()).containsExactly(Map.entry("EXCELLENT", 4), Map.entry("QUALIFIED", 5),
        Map.entry("BASICALLY_QUALIFIED", 2), Map.entry("UNQUALIFIED", 1), Map.entry("SKIPPED", 2));
    // (4×100 + 5×80 + 2×60) / 12 = 76.67; trust 9 / 12
    assertThat(m1.massScore()).isEqualByComparingTo("76.67");
    assertThat(m1.rate()).isEqualByComparingTo("0.7500");
    // (0.5 × 76.67 + 0.3 × 78) / 0.8 = 77.16875: a member has no fulfilment rate
    assertThat(m1.composite()).isEqualByComparingTo("77.17");
    assertThat(m1.fulfilmentRate()).isNull();
    assertThat(m1.criterionScores()).isEmpty();
  }

  @Test
  void aSubjectNobodyRatedHasNoRateAndNoMassScore() {
    Scoring.Result m2 = scoring.member("M2", electronic(), Tally.empty(), new BigDecimal("85.00"));
    assertThat(m2.rated()).isZero();
    assertThat(m2.counts()).containsEntry("SKIPPED", 10);
    assertThat(m2.rate()).isNull();
    assertThat(m2.massScore()).isNull();
    assertThat(m2.composite()).isEqualByComparingTo("85.00");

    Scoring.Result org = scoring.organization(Tally.empty(), Tally.empty(), null, null);
    assertThat(org.rate()).isNull();
    assertThat(org.massScore()).isNull();
    assertThat(org.composite()).isNull();
    assertThat(Scoring.criterionScore(Map.of(Satisfaction.UNKNOWN, 5))).isNull();
    assertThat(Scoring.satisfactionRate(List.of(Map.of(Satisfaction.UNKNOWN, 5)))).isNull();
  }

  @Test
  void rateAndScoreRoundHalfUp() {
    // 2 of 3: 0.66666… → 0.6667; points (100 + 100 + 0) / 3 = 66.666… → 66.67
    Map<MemberRating, Integer> counts = Map.of(MemberRating.EXCELLENT, 1, MemberRating.QUALIFIED, 1,
        MemberRating.UNQUALIFIED, 1);
    assertThat(Scoring.trustRate(counts)).isEqualByComparingTo("0.6667");
    assertThat(Scoring.memberScore(counts)).isEqualByComparingTo("60.00");
    assertThat(Scoring.memberScore(Map.of(MemberRating.EXCELLENT, 2, MemberRating.UNQUALIFIED, 1)))
        .isEqualByComparingTo("66.67");
    // 1 of 8: 0.125 → 0.1250; 满意 1 of 3 … 0.3333
    assertThat(Scoring.trustRate(Map.of(MemberRating.EXCELLENT, 1, MemberRating.UNQUALIFIED, 7)))
        .isEqualByComparingTo("0.1250");
    assertThat(Scoring.satisfactionRate(List.of(Map.of(Satisfaction.SATISFIED, 1, Satisfaction.DISSATISFIED, 2))))
        .isEqualByComparingTo("0.3333");
  }

  @Test
  void excellentIsCappedAtOneThirdOfTheMembersRatedByCompositeThenTrustThenNumber() {
    List<Scoring.Candidate> four = List.of(
        new Scoring.Candidate("M4", new BigDecimal("92.00"), new BigDecimal("0.95")),
        new Scoring.Candidate("M1", new BigDecimal("95.00"), new BigDecimal("0.92")),
        new Scoring.Candidate("M3", new BigDecimal("92.00"), new BigDecimal("0.97")),
        new Scoring.Candidate("M2", new BigDecimal("91.00"), new BigDecimal("0.99")));
    // 7 rated: at most 2 优秀 — M1 (95), then M3 (92, trust 0.97 over M4's 0.95)
    assertThat(Scoring.beyondExcellentCap(four, 7)).containsExactly("M4", "M2");
    // 9 rated: 3
    assertThat(Scoring.beyondExcellentCap(four, 9)).containsExactly("M2");
    // 12 rated: 4, all keep it
    assertThat(Scoring.beyondExcellentCap(four, 12)).isEmpty();
    // 2 rated: a third rounds down to none
    assertThat(Scoring.beyondExcellentCap(four.subList(0, 1), 2)).containsExactly("M4");
    // all equal: the lower member number keeps 优秀
    List<Scoring.Candidate> tie = List.of(new Scoring.Candidate("M9", new BigDecimal("90"), new BigDecimal("0.9")),
        new Scoring.Candidate("M5", new BigDecimal("90"), new BigDecimal("0.9")));
    assertThat(Scoring.beyondExcellentCap(tie, 3)).containsExactly("M9");
  }
}
