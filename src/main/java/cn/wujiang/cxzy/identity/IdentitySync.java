package cn.wujiang.cxzy.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.MemberAccounts;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Keeps Camunda's groups, users, memberships and authorizations in step with the organizations and
 * members: a group per organization (the city office's is {@code city-office}), a user per member with
 * a username, secretaries and liaisons in their organization's group.
 */
@Service
public class IdentitySync implements MemberAccounts {

  static final String GROUP_TYPE = "WORKFLOW";
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

  /** What the city office may do on every instance of these resources. */
  private static final List<Resource> CITY_OFFICE_RESOURCES = List.of(Resources.PROCESS_DEFINITION,
      Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DECISION_DEFINITION,
      Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.HISTORIC_TASK,
      Resources.HISTORIC_PROCESS_INSTANCE);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final OrganizationService organizations;
  private final IdentityProperties properties;
  private final String adminUserId;

  IdentitySync(IdentityService identityService, AuthorizationService authorizationService,
      OrganizationService organizations, IdentityProperties properties, CamundaBpmProperties camunda) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.organizations = organizations;
    this.properties = properties;
    this.adminUserId = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
  }

  @Override
  public boolean isReservedUsername(String username) {
    return username.equalsIgnoreCase(adminUserId) || username.equalsIgnoreCase(Groups.CAMUNDA_ADMIN);
  }

  @Override
  public List<Credential> synchronize(Set<String> releasedUsernames) {
    return SystemAuthentication.run(identityService, () -> doSynchronize(releasedUsernames));
  }

  private List<Credential> doSynchronize(Set<String> releasedUsernames) {
    List<Organization> orgs = organizations.all();
    Map<String, Organization> byCode = orgs.stream()
        .collect(Collectors.toMap(Organization::getCode, Function.identity()));
    Set<String> managedGroups = new HashSet<>();
    for (Organization org : orgs) {
      String groupId = OrganizationService.groupId(org);
      managedGroups.add(groupId);
      ensureGroup(groupId, org.getName());
      if (!org.isGrassroots()) {
        grant(null, groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      }
    }
    grantCommon();

    List<Member> members = organizations.allMembers();
    retire(releasedUsernames, members.stream().map(Member::getUsername).filter(Objects::nonNull)
        .collect(Collectors.toSet()));
    List<Credential> credentials = new ArrayList<>();
    for (Member member : members) {
      if (member.getUsername() == null) {
        continue;
      }
      Organization org = byCode.get(member.getOrgCode());
      User user = identityService.createUserQuery().userId(member.getUsername()).singleResult();
      if (user == null) {
        user = identityService.newUser(member.getUsername());
        String password = Passwords.random(properties.initialPasswordLength());
        user.setPassword(password);
        fillUser(user, member);
        identityService.saveUser(user);
        credentials.add(new Credential(member.getMemberNo(), member.getName(), org.getName(),
            member.getUsername(), password));
      } else if (!sameUser(user, member)) {
        fillUser(user, member);
        identityService.saveUser(user);
      }
      Set<String> wanted = member.getRole().actsForOrganization()
          ? Set.of(OrganizationService.groupId(org)) : Set.of();
      Set<String> current = identityService.createGroupQuery().groupMember(member.getUsername()).list()
          .stream().map(Group::getId).filter(managedGroups::contains).collect(Collectors.toSet());
      for (String groupId : wanted) {
        if (!current.contains(groupId)) {
          identityService.createMembership(member.getUsername(), groupId);
        }
      }
      for (String groupId : current) {
        if (!wanted.contains(groupId)) {
          identityService.deleteMembership(member.getUsername(), groupId);
        }
      }
    }
    LOG.info("Identity synchronized: {} organizations, {} new users", orgs.size(), credentials.size());
    return credentials;
  }

  /**
   * A login whose member gave up the username (renamed or cleared) must not keep acting for the
   * organization: it is deleted, so that the username given to someone else later starts afresh.
   */
  private void retire(Set<String> releasedUsernames, Set<String> owned) {
    for (String username : releasedUsernames) {
      if (!owned.contains(username) && !isReservedUsername(username)
          && identityService.createUserQuery().userId(username).count() > 0) {
        identityService.deleteUser(username);
      }
    }
  }

  /** Authorizations that do not depend on the structure: every login may use Tasklist. */
  public void grantCommon() {
    if (identityService.createGroupQuery().groupId(OrganizationService.CITY_OFFICE_GROUP).count() == 0) {
      ensureGroup(OrganizationService.CITY_OFFICE_GROUP, "市委创先争优活动领导小组办公室");
    }
    grant(ANY, null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(ANY, null, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    String office = OrganizationService.CITY_OFFICE_GROUP;
    grant(null, office, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (Resource resource : CITY_OFFICE_RESOURCES) {
      grant(null, office, resource, ANY, Permissions.ALL);
    }
    grant(null, office, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(null, office, Resources.BATCH, ANY, Permissions.READ);
    grant(null, office, Resources.FILTER, ANY, Permissions.READ);
  }

  /** Grants a permission to a user, a group, or everyone (userId {@code *}), once. */
  void grant(String userId, String groupId, Resource resource, String resourceId, Permission permission) {
    boolean global = ANY.equals(userId);
    var query = authorizationService.createAuthorizationQuery()
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(global ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
    if (userId != null) {
      query.userIdIn(userId);
    } else {
      query.groupIdIn(groupId);
    }
    Authorization authorization = query.list().stream()
        .filter(a -> global || Objects.equals(a.getGroupId(), groupId) && Objects.equals(a.getUserId(), userId))
        .findFirst()
        .orElse(null);
    if (authorization != null && authorization.isPermissionGranted(permission)) {
      return;
    }
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(global ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      if (global) {
        authorization.setUserId(ANY);
      } else if (userId != null) {
        authorization.setUserId(userId);
      } else {
        authorization.setGroupId(groupId);
      }
    }
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }

  private void ensureGroup(String groupId, String name) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identityService.newGroup(groupId);
      group.setName(name);
      group.setType(GROUP_TYPE);
      identityService.saveGroup(group);
    } else if (!Objects.equals(group.getName(), name)) {
      group.setName(name);
      identityService.saveGroup(group);
    }
  }

  private static void fillUser(User user, Member member) {
    // Tasklist shows "first last"; a Chinese name reads whole, so it goes into the first name.
    user.setFirstName(member.getName());
    user.setLastName(member.getPosition() == null ? "" : member.getPosition());
    user.setEmail(member.getEmail());
  }

  private static boolean sameUser(User user, Member member) {
    return Objects.equals(user.getFirstName(), member.getName())
        && Objects.equals(user.getLastName(), member.getPosition() == null ? "" : member.getPosition())
        && Objects.equals(user.getEmail(), member.getEmail());
  }
}
