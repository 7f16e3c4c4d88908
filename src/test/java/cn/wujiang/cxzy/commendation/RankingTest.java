package cn.wujiang.cxzy.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import cn.wujiang.cxzy.commitment.CommitmentItem;
import cn.wujiang.cxzy.organization.OrgSystem;

/** 排名 and 名额 on examples worked out by hand. */
class RankingTest {

  @Test
  void candidatesAreRankedByCompositeAndEqualScoresShareARank() {
    List<Ranking.Ranked> ranked = Ranking.rank(List.of(
        entry("A", "92.50", "0.9500"),
        entry("B", "96.00", "0.9000"),
        entry("C", "92.50", "0.9800"),
        entry("D", "88.00", "1.0000"),
        entry("E", null, null)));
    // B alone on top; A and C tie for 2nd (C listed first: higher rate); D is 4th, not 3rd; E has no score.
    assertThat(ranked).extracting(r -> r.entry().subject(), Ranking.Ranked::rank)
        .containsExactly(tuple("B", 1), tuple("C", 2), tuple("A", 2), tuple("D", 4), tuple("E", 5));
  }

  @Test
  void equalScoresAndRatesAreListedByCode() {
    List<Ranking.Ranked> ranked = Ranking.rank(List.of(entry("sl-zx", "90.00", "1.0000"),
        entry("edu-syxx", "90.00", "1.0000")));
    assertThat(ranked).extracting(r -> r.entry().subject(), Ranking.Ranked::rank)
        .containsExactly(tuple("edu-syxx", 1), tuple("sl-zx", 1));
  }

  @ParameterizedTest(name = "{0} of {1} with {2} eligible: {3}")
  @CsvSource({
      // a fifth of 3 organizations is 0.6: rounded down 0, but one eligible makes it 1
      "0.2, 3, 1, 1",
      // a fifth of 12 is 2.4: 2
      "0.2, 12, 5, 2",
      // nobody eligible: no quota at all
      "0.2, 12, 0, 0",
      // a tenth of 19 members: 1
      "0.1, 19, 4, 1",
      // a twentieth of 60: 3, whatever the eligible count
      "0.05, 60, 1, 3",
      // 0.29 × 100 is 28.999… in binary floating point; the quota is 29
      "0.29, 100, 40, 29",
      "0.1, 30, 9, 3"})
  void theQuotaIsTheShareRoundedDownAndAtLeastOneWhereAnyoneIsEligible(double share, int base, int eligible,
      int quota) {
    assertThat(Ranking.quota(share, base, eligible)).isEqualTo(quota);
  }

  @Test
  void aCandidatesRankForATitleCountsOnlyThoseAboveIt() {
    List<BigDecimal> pool = Arrays.asList(new BigDecimal("96.00"), new BigDecimal("92.50"), new BigDecimal("92.5"),
        new BigDecimal("88.00"), null);
    assertThat(Ranking.rankAmong(new BigDecimal("96.00"), pool)).isEqualTo(1);
    assertThat(Ranking.rankAmong(new BigDecimal("92.50"), pool)).isEqualTo(2);
    assertThat(Ranking.rankAmong(new BigDecimal("88.00"), pool)).isEqualTo(4);
    assertThat(Ranking.rankAmong(null, pool)).isEqualTo(5);
  }

  @Test
  void aMemberSeeksOutstandingMemberOrACarrierTitleOfItsSystem() {
    assertThat(Title.forMembersOf(OrgSystem.EDUCATION)).containsExactly(Title.OUTSTANDING_MEMBER,
        Title.TEACHER_ETHICS_MODEL, Title.STUDENT_CARE_MODEL, Title.TOUCHING_FIGURE);
    assertThat(Title.forMembersOf(OrgSystem.HEALTH)).containsExactly(Title.OUTSTANDING_MEMBER,
        Title.MEDICAL_ETHICS_MODEL);
    assertThat(Title.forMembersOf(OrgSystem.GENERAL)).containsExactly(Title.OUTSTANDING_MEMBER);
    assertThat(Title.ADVANCED_ORGANIZATION.openTo(OrgSystem.EDUCATION)).isFalse();
  }

  @Test
  void sharesDefaultPerTitleAndStayBetweenZeroAndOne() {
    CommendationSettings settings = new CommendationSettings(Map.of(Title.OUTSTANDING_MEMBER, 1.5,
        Title.MEDICAL_ETHICS_MODEL, -0.1));
    assertThat(settings.share(Title.ADVANCED_ORGANIZATION)).isEqualTo(0.2);
    assertThat(settings.share(Title.OUTSTANDING_MEMBER)).isEqualTo(1.0);
    assertThat(settings.share(Title.MEDICAL_ETHICS_MODEL)).isEqualTo(0.0);
    assertThat(new CommendationSettings(null).share(Title.TEACHER_ETHICS_MODEL)).isEqualTo(0.05);
  }

  @Test
  void sharesAreSetInApplicationYamlOrFromTheEnvironment() {
    StandardEnvironment environment = new StandardEnvironment();
    String env = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    environment.getPropertySources().replace(env, new SystemEnvironmentPropertySource(env,
        Map.of("CXZY_COMMENDATION_SHARES_OUTSTANDINGMEMBER", "0.3")));
    environment.getPropertySources().addLast(new MapPropertySource("yaml",
        Map.of("cxzy.commendation.shares.teacher-ethics-model", "0.08")));
    CommendationSettings settings = Binder.get(environment)
        .bind("cxzy.commendation", CommendationSettings.class).get();
    assertThat(settings.share(Title.OUTSTANDING_MEMBER)).isEqualTo(0.3);
    assertThat(settings.share(Title.TEACHER_ETHICS_MODEL)).isEqualTo(0.08);
    assertThat(settings.share(Title.ADVANCED_ORGANIZATION)).isEqualTo(0.2);
  }

  @Test
  void commitmentsNotFullyHonouredAreDescribedWithTheirRate() {
    // (1 + 0.5 + 0) / 3 = 50%
    List<CommitmentItem> items = List.of(item(1, "结对帮扶学困生", CommitmentItem.Fulfilment.FULFILLED),
        item(2, "开设示范课", CommitmentItem.Fulfilment.PARTLY), item(3, "家访全覆盖", CommitmentItem.Fulfilment.UNFULFILLED));
    assertThat(NomineeChecks.describe(null, items, "承诺未全部兑现"))
        .isEqualTo("承诺未全部兑现（兑现率 50%）：2. 开设示范课（部分兑现）；3. 家访全覆盖（未兑现）");
    // A verified rate is the one shown.
    assertThat(NomineeChecks.describe(new BigDecimal("0.7500"), items.subList(0, 2), "承诺未全部兑现"))
        .isEqualTo("承诺未全部兑现（兑现率 75%）：2. 开设示范课（部分兑现）");
    assertThat(NomineeChecks.describe(new BigDecimal("1.0000"), items.subList(0, 1), "承诺未全部兑现")).isNull();
    assertThat(NomineeChecks.describe(null, List.of(item(1, "未报告", null)), "承诺未全部兑现")).isNull();
  }

  private static Ranking.Entry entry(String subject, String composite, String rate) {
    return new Ranking.Entry(subject, composite == null ? null : new BigDecimal(composite),
        rate == null ? null : new BigDecimal(rate));
  }

  private static CommitmentItem item(int seq, String text, CommitmentItem.Fulfilment status) {
    CommitmentItem item = mock(CommitmentItem.class);
    when(item.getSeq()).thenReturn(seq);
    when(item.getText()).thenReturn(text);
    when(item.getFulfilmentStatus()).thenReturn(status);
    return item;
  }
}
