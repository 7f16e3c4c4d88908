package cn.wujiang.cxzy.commendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.wujiang.cxzy.organization.OrgSystem;

/** A candidate's rank under each title, within its pool, on a round worked out by hand. */
class StandingsTest {

  // Two schools and a hospital; their members: a teacher of each school, a doctor.
  private final Candidate school1 = candidate("S1", null, "90.00");
  private final Candidate school2 = candidate("S2", null, "95.00");
  private final Candidate hospital = candidate("H1", null, "92.00");
  private final Candidate teacher1 = candidate("S1", "T1", "88.00");
  private final Candidate teacher2 = candidate("S2", "T2", "85.00");
  private final Candidate doctor = candidate("H1", "D1", "97.00");
  private final Candidate unscored = candidate("S1", "T3", null);

  private final Standings standings = new Standings(
      List.of(school1, school2, hospital, teacher1, teacher2, doctor, unscored),
      Map.of("S1", OrgSystem.EDUCATION, "S2", OrgSystem.EDUCATION, "H1", OrgSystem.HEALTH),
      Map.of(Title.ADVANCED_ORGANIZATION, quota(Title.ADVANCED_ORGANIZATION, 1),
          Title.OUTSTANDING_MEMBER, quota(Title.OUTSTANDING_MEMBER, 2),
          Title.TEACHER_ETHICS_MODEL, quota(Title.TEACHER_ETHICS_MODEL, 1)));

  @Test
  void organizationsAreRankedAmongOrganizationsOnly() {
    // The doctor's 97 is above every organization's score and does not count among them.
    assertThat(standings.rank(school2, Title.ADVANCED_ORGANIZATION)).isEqualTo(1);
    assertThat(standings.rank(hospital, Title.ADVANCED_ORGANIZATION)).isEqualTo(2);
    assertThat(standings.rank(school1, Title.ADVANCED_ORGANIZATION)).isEqualTo(3);
    assertThat(standings.withinQuota(school2, Title.ADVANCED_ORGANIZATION)).isTrue();
    assertThat(standings.withinQuota(hospital, Title.ADVANCED_ORGANIZATION)).isFalse();
  }

  @Test
  void aCarrierTitleRanksTheMembersOfItsSystemAndAnyMemberTitleAllMembers() {
    // 党员师德标兵: the teachers only, so the first teacher is first although the doctor scored higher.
    assertThat(standings.rank(teacher1, Title.TEACHER_ETHICS_MODEL)).isEqualTo(1);
    assertThat(standings.withinQuota(teacher1, Title.TEACHER_ETHICS_MODEL)).isTrue();
    assertThat(standings.withinQuota(teacher2, Title.TEACHER_ETHICS_MODEL)).isFalse();
    // 优秀共产党员: every member, the doctor first; a quota of 2 takes the doctor and the first teacher.
    assertThat(standings.rank(teacher1, Title.OUTSTANDING_MEMBER)).isEqualTo(2);
    assertThat(standings.withinQuota(teacher1, Title.OUTSTANDING_MEMBER)).isTrue();
    assertThat(standings.rank(teacher2, Title.OUTSTANDING_MEMBER)).isEqualTo(3);
    // A member without a score comes after everyone scored.
    assertThat(standings.rank(unscored, Title.OUTSTANDING_MEMBER)).isEqualTo(4);
  }

  @Test
  void aTitleWithoutAQuotaTakesNobodyAndSubjectsAreFoundByCodeOrNumber() {
    assertThat(standings.withinQuota(doctor, Title.MEDICAL_ETHICS_MODEL)).isFalse();
    assertThat(standings.quota(Title.MEDICAL_ETHICS_MODEL)).isEmpty();
    assertThat(standings.candidate("S2")).contains(school2);
    assertThat(standings.candidate("D1")).contains(doctor);
    assertThat(standings.candidate("T9")).isEmpty();
  }

  private static Candidate candidate(String orgCode, String memberNo, String composite) {
    return new Candidate(1L, orgCode, memberNo, 1, new Candidate.Basis(
        composite == null ? null : new BigDecimal(composite), null, null, null, null, 10, "好", 2026, null));
  }

  private static Quota quota(Title title, int quota) {
    return new Quota(1L, title, 10, 3, quota);
  }
}
