package cn.wujiang.cxzy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.organization.ImportService;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.MemberAccounts;
import cn.wujiang.cxzy.organization.MemberRole;
import cn.wujiang.cxzy.organization.OrgSystem;
import cn.wujiang.cxzy.organization.OrgType;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.organization.TestCity;

/**
 * Camunda's users, groups and memberships follow the organizations and members: what Tasklist and
 * Admin show after the demo import and after a re-import. Expectations come from the demo CSV files.
 */
@DemoCityTest
class IdentitySyncTest {

  static final List<String> TEST_ORGS = List.of("zt-role-a", "zt-role-b");
  static final List<String> TEST_MEMBERS = List.of("ZT201", "ZT202", "ZT203");
  static final List<String> TEST_USERS = List.of("zt.mover", "zt.renamed", "zt.sneaky");

  @Autowired
  IdentityService identityService;

  @Autowired
  FilterService filterService;

  @Autowired
  ImportService importService;

  @Autowired
  ApplicationContext context;

  @Autowired
  MemberAccounts accounts;

  @Autowired
  IdentitySync identitySync;

  @Autowired
  AuthorizationService authorizationService;

  @BeforeEach
  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    new TestCity(context).remove(TEST_ORGS, TEST_MEMBERS, TEST_USERS);
    // Never through TestCity.remove: that deletes the organization's group, here the administrators'.
    new TestCity(context).removeUnchecked(List.of("camunda-admin"));
  }

  @Test
  void everyOrganizationHasAGroupUnderItsCodeNamedAfterIt() {
    List<List<String>> rows = TestCity.demoRows("organizations.csv").stream()
        .filter(row -> !row.get(0).equals("city-office")).toList();
    assertThat(rows).hasSize(34);

    for (List<String> row : rows) {
      Group group = identityService.createGroupQuery().groupId(row.get(0)).singleResult();
      assertThat(group).as("group %s", row.get(0)).isNotNull();
      assertThat(group.getName()).as("name of group %s", row.get(0)).isEqualTo(row.get(1));
    }
  }

  @Test
  void theCityOfficeActsAsGroupCityOffice() {
    assertThat(identityService.createGroupQuery().groupId("city-office").count()).isOne();
    assertThat(userIds(identityService.createUserQuery().memberOfGroup("city-office").list()))
        .containsExactlyInAnyOrder("office.sec", "office.liaison");
  }

  @Test
  void theCityOfficeGroupIsNamedAfterTheCityOffice() {
    assertThat(identityService.createGroupQuery().groupId("city-office").singleResult().getName())
        .isEqualTo("中共吴江市委深入开展创先争优活动领导小组办公室");
  }

  @Test
  void secretariesAndLiaisonsActForTheirOrganizationAndPlainMembersForNone() {
    List<List<String>> logins = TestCity.demoRows("members.csv").stream()
        .filter(row -> !row.get(6).isEmpty()).toList();
    assertThat(logins).hasSizeGreaterThan(100);

    for (List<String> row : logins) {
      String username = row.get(6);
      String orgCode = row.get(2);
      List<String> groups = groupIds(identityService.createGroupQuery().groupMember(username).list());
      if (row.get(3).equals("党员")) {
        assertThat(groups).as("groups of plain member %s", username).isEmpty();
      } else {
        String expected = orgCode.equals("city-office") ? "city-office" : orgCode;
        assertThat(groups).as("groups of %s %s", row.get(3), username).containsExactly(expected);
      }
    }
    assertThat(userIds(identityService.createUserQuery().memberOfGroup("sl-zx").list()))
        .containsExactlyInAnyOrder("sl-zx.sec", "sl-zx.liaison");
  }

  @Test
  void everyDemoLoginHasItsNameAndTheDemoPassword() {
    User user = identityService.createUserQuery().userId("sl-zx.sec").singleResult();
    assertThat(user.getFirstName()).isEqualTo("钱伟民");
    assertThat(user.getLastName()).isEqualTo("校长");
    assertThat(user.getEmail()).isEqualTo("sl-zx.sec@example.org");
    List<String> usernames = TestCity.demoRows("members.csv").stream()
        .map(row -> row.get(6)).filter(u -> !u.isEmpty()).toList();
    assertThat(usernames).hasSizeGreaterThan(100)
        .allSatisfy(u -> assertThat(identityService.checkPassword(u, "demo")).as(u).isTrue());
  }

  @Test
  void aRoleOrOrganizationChangeByReimportMovesTheMembership() {
    importService.importOrganizations(utf8("""
        code,name,type,system,leader_code,grassroots,unit
        zt-role-a,同里镇测试甲支部,党支部,教育,town-tongli,是,同里镇测试甲校
        zt-role-b,同里镇测试乙支部,党支部,教育,town-tongli,是,同里镇测试乙校
        """));
    importMember("zt-role-a", "书记", "zt.mover");
    assertThat(groupsOf("zt.mover")).containsExactly("zt-role-a");

    importMember("zt-role-b", "联络员", "zt.mover");
    assertThat(groupsOf("zt.mover")).containsExactly("zt-role-b");
    assertThat(userIds(identityService.createUserQuery().memberOfGroup("zt-role-a").list())).isEmpty();

    importMember("zt-role-b", "党员", "zt.mover");
    assertThat(groupsOf("zt.mover")).isEmpty();

    importMember("zt-role-b", "书记", "zt.mover");
    assertThat(groupsOf("zt.mover")).containsExactly("zt-role-b");
  }

  @Test
  void aSecretaryWhoseUsernameChangesNoLongerActsForTheOrganizationUnderTheOldOne() {
    importService.importOrganizations(utf8("""
        code,name,type,system,leader_code,grassroots,unit
        zt-role-a,同里镇测试甲支部,党支部,教育,town-tongli,是,同里镇测试甲校
        """));
    importMember("zt-role-a", "书记", "zt.mover");

    importMember("zt-role-a", "书记", "zt.renamed");

    assertThat(userIds(identityService.createUserQuery().memberOfGroup("zt-role-a").list()))
        .containsExactly("zt.renamed");
  }

  @Test
  void aUsernameGivenUpByOneMemberAndGivenToAnotherGetsANewPassword() {
    importService.importOrganizations(utf8("""
        code,name,type,system,leader_code,grassroots,unit
        zt-role-a,同里镇测试甲支部,党支部,教育,town-tongli,是,同里镇测试甲校
        """));
    String firstPassword = importMember("zt-role-a", "书记", "zt.mover").get(0).password();
    importMember("zt-role-a", "书记", "zt.renamed");

    var credentials = importService.importMembers(utf8("member_no,name,org_code,role,position,email,username\n"
        + "ZT202,魏测试,zt-role-a,党员,教师,,zt.mover\n")).credentials();

    assertThat(credentials).extracting(c -> c.username()).containsExactly("zt.mover");
    assertThat(identityService.checkPassword("zt.mover", credentials.get(0).password())).isTrue();
    assertThat(identityService.createUserQuery().userId("zt.mover").singleResult().getFirstName())
        .isEqualTo("魏测试");
    assertThat(firstPassword).isNotEqualTo(credentials.get(0).password());
  }

  @Test
  void aSecretaryOfAnOrganizationWithAnAdministratorsCodeNeverBecomesAdministrator() {
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
        .containsExactly("admin");
    String adminGroupName = identityService.createGroupQuery().groupId("camunda-admin").singleResult().getName();
    // As an earlier version's import let it in: the code is the engine's administrators' group.
    new TestCity(context).saveUnchecked(
        new Organization("camunda-admin", "同里镇测试管理支部", OrgType.BRANCH, OrgSystem.EDUCATION, "town-tongli", true, "测试校"),
        new Member("ZT203", "冒测试", "camunda-admin", MemberRole.SECRETARY, "校长", null, "zt.sneaky"));

    accounts.synchronize(Set.of());

    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
        .containsExactly("admin");
    assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getName())
        .isEqualTo(adminGroupName);

    // A database where the earlier version had already made the secretary an administrator.
    identityService.createMembership("zt.sneaky", "camunda-admin");
    identitySync.resync();

    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
        .containsExactly("admin");
  }

  @Test
  void anUpgradedDatabaseLosesTheExcessGrantsAtStart() {
    // What an earlier version granted: the city office ALL on every process instance, a login ALL on
    // its own user, and READ on instances that have long ended.
    Authorization office = authorizationService.createAuthorizationQuery().groupIdIn("city-office")
        .resourceType(Resources.PROCESS_INSTANCE).resourceId("*").singleResult();
    office.setPermissions(new Permission[] {Permissions.ALL});
    authorizationService.saveAuthorization(office);
    Authorization own = authorizationService.createAuthorizationQuery().userIdIn("tl-zx.m1")
        .resourceType(Resources.USER).resourceId("tl-zx.m1").singleResult();
    own.setPermissions(new Permission[] {Permissions.ALL});
    authorizationService.saveAuthorization(own);
    Authorization ended = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    ended.setGroupId("town-tongli");
    ended.setResource(Resources.PROCESS_INSTANCE);
    ended.setResourceId("zt-ended-instance");
    ended.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(ended);

    identitySync.resync();

    assertThat(authorizationService.isUserAuthorized("office.sec", List.of("city-office"), Permissions.DELETE,
        Resources.PROCESS_INSTANCE, "any-instance")).isFalse();
    assertThat(authorizationService.isUserAuthorized("office.sec", List.of("city-office"), Permissions.READ,
        Resources.PROCESS_INSTANCE, "any-instance")).isTrue();
    assertThat(authorizationService.isUserAuthorized("tl-zx.m1", List.of(), Permissions.DELETE,
        Resources.USER, "tl-zx.m1")).isFalse();
    assertThat(authorizationService.isUserAuthorized("tl-zx.m1", List.of(), Permissions.UPDATE,
        Resources.USER, "tl-zx.m1")).isTrue();
    assertThat(authorizationService.createAuthorizationQuery().resourceId("zt-ended-instance").count()).isZero();
  }

  @Test
  void theChineseTasklistFiltersAreThereForEveryLogin() {
    for (var login : List.of(new String[] {"sl-zx.sec", "sl-zx"}, new String[] {"sl-zx.m1"})) {
      identityService.setAuthentication(login[0], login.length > 1 ? List.of(login[1]) : List.of());
      try {
        List<String> names = filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
        assertThat(names).as("filters %s sees", login[0]).contains("我的待办", "本组织待办", "已逾期")
            .doesNotHaveDuplicates();
        Filter mine = filterService.createFilterQuery().filterName("我的待办").singleResult();
        assertThat(filterService.getFilter(mine.getId()).getProperties()).containsKey("description");
      } finally {
        identityService.clearAuthentication();
      }
    }
  }

  private List<MemberAccounts.Credential> importMember(String orgCode, String role, String username) {
    return importService.importMembers(utf8("member_no,name,org_code,role,position,email,username\n"
        + "ZT201,顾测试," + orgCode + "," + role + ",教师,," + username + "\n")).credentials();
  }

  private List<String> groupsOf(String username) {
    return groupIds(identityService.createGroupQuery().groupMember(username).list());
  }

  private static List<String> groupIds(List<Group> groups) {
    return groups.stream().map(Group::getId).toList();
  }

  private static List<String> userIds(List<User> users) {
    return users.stream().map(User::getId).toList();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
