package cn.wujiang.cxzy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * Who gets a grassroots organization's tasks in the demo city. The expected bodies are written out
 * by hand from the demo structure (src/main/resources/demo/organizations.csv).
 */
@DemoCityTest
class RoutingTest {

  /** code, direct leader (直接领导), system guide (系统指导), approvers of a selection (会签). */
  static Stream<Arguments> grassroots() {
    return Stream.of(
        // schools affiliated to the education bureau: leader and guide are one body, one approval
        Arguments.of("edu-wjsz", "edu-bureau", "edu-bureau", List.of("edu-bureau")),
        Arguments.of("edu-syxx", "edu-bureau", "edu-bureau", List.of("edu-bureau")),
        Arguments.of("edu-tszx", "edu-bureau", "edu-bureau", List.of("edu-bureau")),
        // town schools: the town (through its education 党总支 for Songling) and the bureau
        Arguments.of("sl-zx", "sl-edu", "edu-bureau", List.of("town-songling", "edu-bureau")),
        Arguments.of("sl-xx", "sl-edu", "edu-bureau", List.of("town-songling", "edu-bureau")),
        Arguments.of("tl-zx", "town-tongli", "edu-bureau", List.of("town-tongli", "edu-bureau")),
        Arguments.of("sz-xx", "town-shengze", "edu-bureau", List.of("town-shengze", "edu-bureau")),
        Arguments.of("wj-xx", "zone-wjedz", "edu-bureau", List.of("zone-wjedz", "edu-bureau")),
        // medical institutions affiliated to the health bureau
        Arguments.of("hb-rmyy", "health-bureau", "health-bureau", List.of("health-bureau")),
        Arguments.of("hb-cdc", "health-bureau", "health-bureau", List.of("health-bureau")),
        // town and zone health centres
        Arguments.of("pw-wsy", "town-pingwang", "health-bureau", List.of("town-pingwang", "health-bureau")),
        Arguments.of("qd-wsy", "town-qidu", "health-bureau", List.of("town-qidu", "health-bureau")),
        Arguments.of("ll-sqws", "town-lili", "health-bureau", List.of("town-lili", "health-bureau")),
        Arguments.of("fh-wsy", "zone-fenhu", "health-bureau", List.of("zone-fenhu", "health-bureau")),
        Arguments.of("zz-wsy", "town-zhenze", "health-bureau", List.of("town-zhenze", "health-bureau")),
        // the college's and the hospital's own branches
        Arguments.of("svtc-xxgc", "college-svtc", "edu-bureau", List.of("college-svtc", "edu-bureau")),
        Arguments.of("svtc-jdgc", "college-svtc", "edu-bureau", List.of("college-svtc", "edu-bureau")),
        Arguments.of("sh-nk", "hospital-shengze", "health-bureau", List.of("hospital-shengze", "health-bureau")),
        Arguments.of("sh-wk", "hospital-shengze", "health-bureau", List.of("hospital-shengze", "health-bureau")));
  }

  @Autowired
  OrganizationService organizations;

  @ParameterizedTest(name = "{0}: 直接领导 {1}, 系统指导 {2}, 审批 {3}")
  @MethodSource("grassroots")
  void everyGrassrootsOrganizationIsRoutedToItsLeaderAndItsSystemGuide(String code, String leader,
      String guide, List<String> approvers) {
    assertThat(organizations.directLeader(code).getCode()).isEqualTo(leader);
    assertThat(organizations.systemGuide(code)).map(Organization::getCode).hasValue(guide);
    assertThat(organizations.approvers(code)).extracting(Organization::getCode)
        .containsExactlyInAnyOrderElementsOf(approvers);
  }

  @Test
  void theTableAboveCoversEveryGrassrootsOrganizationOfTheDemoCity() {
    List<String> inCsv = TestCity.demoRows("organizations.csv").stream()
        .filter(row -> row.get(5).equals("是")).map(row -> row.get(0)).toList();
    List<Object> inTable = grassroots().map(a -> a.get()[0]).toList();

    assertThat(inTable).containsExactlyInAnyOrderElementsOf(inCsv);
  }

  @Test
  void aTownLeadsTheSchoolsBelowItsEducationGeneralBranch() {
    assertThat(codes(organizations.scope("town-songling"))).containsExactly("sl-xx", "sl-zx");
    assertThat(codes(organizations.scope("sl-edu"))).containsExactly("sl-xx", "sl-zx");
    assertThat(codes(organizations.scope("town-tongli"))).containsExactly("tl-zx");
  }

  @Test
  void aBureauLeadsOnlyTheInstitutionsAffiliatedToIt() {
    assertThat(codes(organizations.scope("edu-bureau"))).containsExactly("edu-syxx", "edu-tszx", "edu-wjsz");
    assertThat(codes(organizations.scope("health-bureau"))).containsExactly("hb-cdc", "hb-rmyy");
  }

  @Test
  void aUnitCommitteeLeadsItsOwnBranches() {
    assertThat(codes(organizations.scope("college-svtc"))).containsExactly("svtc-jdgc", "svtc-xxgc");
    assertThat(codes(organizations.scope("hospital-shengze"))).containsExactly("sh-nk", "sh-wk");
  }

  @Test
  void theCityOfficeLeadsEveryGrassrootsOrganization() {
    assertThat(codes(organizations.scope("city-office"))).containsExactly(
        "edu-syxx", "edu-tszx", "edu-wjsz", "fh-wsy", "hb-cdc", "hb-rmyy", "ll-sqws", "pw-wsy", "qd-wsy",
        "sh-nk", "sh-wk", "sl-xx", "sl-zx", "svtc-jdgc", "svtc-xxgc", "sz-xx", "tl-zx", "wj-xx", "zz-wsy");
  }

  @Test
  void theEducationBureauWatchesEverySchoolOfItsSystemWhereverItIsAffiliated() {
    assertThat(codes(organizations.visibleScope("edu-bureau"))).containsExactly(
        "edu-syxx", "edu-tszx", "edu-wjsz", "sl-xx", "sl-zx", "svtc-jdgc", "svtc-xxgc", "sz-xx", "tl-zx",
        "wj-xx");
  }

  @Test
  void theHealthBureauWatchesEveryMedicalInstitution() {
    assertThat(codes(organizations.visibleScope("health-bureau"))).containsExactly(
        "fh-wsy", "hb-cdc", "hb-rmyy", "ll-sqws", "pw-wsy", "qd-wsy", "sh-nk", "sh-wk", "zz-wsy");
  }

  @Test
  void aTownWatchesOnlyWhatItLeads() {
    assertThat(codes(organizations.visibleScope("town-songling"))).containsExactly("sl-xx", "sl-zx");
  }

  @Test
  void theCommendingBodyOfATownSchoolIsTheTownNotItsGeneralBranch() {
    assertThat(organizations.leadingBody("sl-zx").getCode()).isEqualTo("town-songling");
    assertThat(organizations.leadingBody("edu-wjsz").getCode()).isEqualTo("edu-bureau");
    assertThat(codes(organizations.leadingBodies())).containsExactly("college-svtc", "edu-bureau",
        "health-bureau", "hospital-shengze", "town-lili", "town-pingwang", "town-qidu", "town-shengze",
        "town-songling", "town-taoyuan", "town-tongli", "town-zhenze", "zone-fenhu", "zone-wjedz");
  }

  @Test
  void countsOfMembersAndSystemsOfManyOrganizationsAtOnceAgreeWithTheirOneByOneLookups() {
    List<String> codes = Stream.concat(grassroots().map(a -> (String) a.get()[0]), Stream.of("edu-bureau", "sl-edu"))
        .toList();
    Map<String, Integer> counts = organizations.memberCounts(codes);
    assertThat(counts).containsOnlyKeys(codes);
    codes.forEach(code -> assertThat(counts.get(code)).as(code).isEqualTo(organizations.members(code).size()));
    assertThat(counts.get("edu-syxx")).isGreaterThanOrEqualTo(7);

    Map<String, OrgSystem> systems = organizations.systemsOf(codes);
    codes.forEach(code -> assertThat(systems.get(code)).as(code).isEqualTo(organizations.get(code).getSystem()));
    assertThat(systems.get("edu-syxx")).isEqualTo(OrgSystem.EDUCATION);
    assertThat(systems.get("hb-rmyy")).isEqualTo(OrgSystem.HEALTH);
    assertThatThrownBy(() -> organizations.systemsOf(List.of("no-such-org")))
        .isInstanceOf(UnknownOrganizationException.class);
  }

  @Test
  void theCityOfficeActsAsGroupCityOfficeAndOthersUnderTheirCode() {
    assertThat(organizations.groupOf("city-office")).isEqualTo("city-office");
    assertThat(organizations.groupOf("sl-zx")).isEqualTo("sl-zx");
  }

  @Test
  void anUnknownCodeIsAClearChineseError() {
    assertThatThrownBy(() -> organizations.directLeader("no-such-org"))
        .isInstanceOf(UnknownOrganizationException.class)
        .hasMessage("组织编码“no-such-org”不存在");
    assertThatThrownBy(() -> organizations.directLeader("city-office"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> codes(List<Organization> orgs) {
    return orgs.stream().map(Organization::getCode).toList();
  }
}
