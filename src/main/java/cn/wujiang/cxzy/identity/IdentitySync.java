package cn.wujiang.cxzy.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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

  /**
   * What the city office may do on every instance of these resources: watch everything in Cockpit,
   * retry a failed job, start a phase. Ending or cancelling a phase goes through the application
   * ({@code /api/phases/{id}/end|cancel}); every other change of a process's life (delete, suspend,
   * modify, migrate, deploy, variables of running instances) and users, groups and authorizations
   * are the administrator's (group camunda-admin).
   */
  private static final Map<Resource, Permission[]> CITY_OFFICE_PERMISSIONS = Map.of(
      Resources.PROCESS_DEFINITION, new Permission[] {ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.RETRY_JOB},
      Resources.PROCESS_INSTANCE, new Permission[] {ProcessInstancePermissions.READ, ProcessInstancePermissions.CREATE},
      Resources.TASK, new Permission[] {TaskPermissions.READ},
      Resources.HISTORIC_TASK, new Permission[] {HistoricTaskPermissions.READ},
      Resources.HISTORIC_PROCESS_INSTANCE, new Permission[] {HistoricProcessInstancePermissions.READ},
      Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ, Permissions.READ_HISTORY},
      Resources.DECISION_REQUIREMENTS_DEFINITION, new Permission[] {Permissions.READ},
      Resources.DEPLOYMENT, new Permission[] {Permissions.READ},
      Resources.BATCH, new Permission[] {Permissions.READ});

  /**
   * The one process a person starts (the process contract in DESIGN.md): the city office's phase. Every
   * other process is started by the application, so nobody has CREATE_INSTANCE on it.
   */
  static final String STARTED_BY_CITY_OFFICE = "campaignPhase";

  /** What a login may do with its own user: read and edit its profile and password, not delete it. */
  static final Permission[] OWN_USER_PERMISSIONS = {Permissions.READ, Permissions.UPDATE};

  private static final String ENGINE_PREFIX = "camunda";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final OrganizationService organizations;
  private final IdentityProperties properties;
  private final ProcessEngine processEngine;
  private final String adminUserId;

  IdentitySync(IdentityService identityService, AuthorizationService authorizationService,
      OrganizationService organizations, IdentityProperties properties, CamundaBpmProperties camunda,
      ProcessEngine processEngine) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.organizations = organizations;
    this.properties = properties;
    this.processEngine = processEngine;
    this.adminUserId = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
  }

  /** The administrator and the engine's configured administrators, or a name that could become one. */
  boolean isSystemLogin(String username) {
    return username.equalsIgnoreCase(adminUserId)
        || username.toLowerCase(Locale.ROOT).startsWith(ENGINE_PREFIX)
        || configuration().getAdminUsers().stream().anyMatch(username::equalsIgnoreCase);
  }

  /** Camunda's administrators' groups, and every id that could become an engine group. */
  boolean isEngineGroupId(String groupId) {
    return groupId.toLowerCase(Locale.ROOT).startsWith(ENGINE_PREFIX)
        || groupId.equalsIgnoreCase(Groups.CAMUNDA_ADMIN)
        || configuration().getAdminGroups().stream().anyMatch(groupId::equalsIgnoreCase);
  }

  @Override
  public boolean isReservedGroupId(String code) {
    if (isEngineGroupId(code)) {
      return true;
    }
    if (code.equals(OrganizationService.CITY_OFFICE_GROUP) || organizations.find(code).isPresent()) {
      return false;
    }
    // A group or grants the engine already holds under this id belong to someone else.
    return SystemAuthentication.run(identityService,
        () -> identityService.createGroupQuery().groupId(code).count() > 0
            || authorizationService.createAuthorizationQuery().groupIdIn(code).count() > 0);
  }

  /**
   * The administrators' logins, names that could become one, and any login the engine already has
   * that is not a member's (the caller asks only for usernames no member holds).
   */
  @Override
  public boolean isReservedUsername(String username) {
    return isSystemLogin(username) || SystemAuthentication.run(identityService,
        () -> identityService.createUserQuery().userId(username).count() > 0);
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
    Set<String> refusedGroups = new HashSet<>();
    for (Organization org : orgs) {
      String groupId = OrganizationService.groupId(org);
      if (!ensureOrganizationGroup(groupId, org.getName())) {
        refusedGroups.add(groupId);
        continue;
      }
      managedGroups.add(groupId);
      grantCockpit(groupId, !org.isGrassroots());
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
      if (isSystemLogin(member.getUsername())) {
        LOG.error("Member {} has the reserved username {}: its login is left alone", member.getMemberNo(),
            member.getUsername());
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
      String orgGroup = OrganizationService.groupId(org);
      Set<String> wanted = member.getRole().actsForOrganization() && managedGroups.contains(orgGroup)
          ? Set.of(orgGroup) : Set.of();
      Set<String> current = identityService.createGroupQuery().groupMember(member.getUsername()).list()
          .stream().map(Group::getId)
          .filter(id -> managedGroups.contains(id) || id.equals(orgGroup) && refusedGroups.contains(id))
          .collect(Collectors.toSet());
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
   * Makes the organization's group, unless its id is an engine or administrators' group or a group the
   * engine holds for something else (another type than ours): then no group, no grant, no member.
   */
  private boolean ensureOrganizationGroup(String groupId, String name) {
    Group existing = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (isEngineGroupId(groupId) || existing != null && !GROUP_TYPE.equals(existing.getType())) {
      LOG.error("Organization group {} refused: it is reserved for the engine or held by another group", groupId);
      return false;
    }
    ensureGroup(groupId, name);
    return true;
  }

  /** Leading bodies watch their organizations in Cockpit; a grassroots organization does not. */
  private void grantCockpit(String groupId, boolean leading) {
    if (leading) {
      grant(null, groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    } else {
      authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.APPLICATION)
          .resourceId("cockpit").list().stream().filter(a -> groupId.equals(a.getGroupId()))
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }

  /**
   * A login whose member gave up the username (renamed or cleared) must not keep acting for the
   * organization: it is deleted, so that the username given to someone else later starts afresh.
   */
  private void retire(Set<String> releasedUsernames, Set<String> owned) {
    for (String username : releasedUsernames) {
      if (!owned.contains(username) && !isSystemLogin(username)
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
    grantExactly(ANY, null, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    String office = OrganizationService.CITY_OFFICE_GROUP;
    grant(null, office, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    CITY_OFFICE_PERMISSIONS.forEach((resource, permissions) -> grantExactly(null, office, resource, ANY, permissions));
    grantExactly(null, office, Resources.PROCESS_DEFINITION, STARTED_BY_CITY_OFFICE,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(null, office, Resources.FILTER, ANY, Permissions.READ);
  }

  /**
   * Brings the authorizations of an existing database to what this version grants, once per start: the
   * common ones exactly, cockpit only for leading bodies, a login's own user only readable and
   * editable, no grants left on ended process instances, and no member in a group an organization may
   * not have.
   */
  public void resync() {
    SystemAuthentication.run(identityService, () -> {
      grantCommon();
      Set<String> refused = new HashSet<>();
      for (Organization org : organizations.all()) {
        String groupId = OrganizationService.groupId(org);
        Group existing = identityService.createGroupQuery().groupId(groupId).singleResult();
        if (isEngineGroupId(groupId) || existing != null && !GROUP_TYPE.equals(existing.getType())) {
          refused.add(groupId);
        } else if (existing != null) {
          grantCockpit(groupId, !org.isGrassroots());
        }
      }
      if (!refused.isEmpty()) {
        for (Member member : organizations.allMembers()) {
          Organization org = member.getUsername() == null ? null
              : organizations.find(member.getOrgCode()).orElse(null);
          String groupId = org == null ? null : OrganizationService.groupId(org);
          if (groupId != null && refused.contains(groupId) && !isSystemLogin(member.getUsername())
              && identityService.createUserQuery().userId(member.getUsername()).memberOfGroup(groupId).count() > 0) {
            LOG.error("Member {} removed from reserved group {}", member.getMemberNo(), groupId);
            identityService.deleteMembership(member.getUsername(), groupId);
          }
        }
      }
      reduceOwnUserGrants();
      ProcessInstanceAuthorizationPlugin.hideAppStartedProcesses(configuration().getDataSource());
      int stale = ProcessInstanceAuthorizationPlugin.deleteGrantsOfEndedInstances(
          configuration().getDataSource());
      LOG.info("Authorizations resynchronized; {} grants on ended process instances removed", stale);
      return null;
    });
  }

  /** The engine used to grant a new login ALL on its own user, deletion included. */
  private void reduceOwnUserGrants() {
    Set<String> admins = new HashSet<>(configuration().getAdminUsers());
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .resourceType(Resources.USER).hasPermission(Permissions.DELETE).list()) {
      String userId = authorization.getUserId();
      if (userId != null && userId.equals(authorization.getResourceId()) && !admins.contains(userId)
          && !userId.equals(adminUserId)) {
        authorization.setPermissions(OWN_USER_PERMISSIONS);
        authorizationService.saveAuthorization(authorization);
      }
    }
  }

  /** Makes a grant hold exactly these permissions (an existing one loses any other). */
  void grantExactly(String userId, String groupId, Resource resource, String resourceId, Permission... permissions) {
    int wanted = 0;
    for (Permission permission : permissions) {
      wanted |= permission.getValue();
    }
    Authorization authorization = find(userId, groupId, resource, resourceId);
    if (authorization instanceof AuthorizationEntity entity && entity.getPermissions() == wanted) {
      return;
    }
    if (authorization == null) {
      authorization = newGrant(userId, groupId, resource, resourceId);
    }
    authorization.setPermissions(permissions);
    authorizationService.saveAuthorization(authorization);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  /** Grants a permission to a user, a group, or everyone (userId {@code *}), once. */
  void grant(String userId, String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = find(userId, groupId, resource, resourceId);
    if (authorization != null && authorization.isPermissionGranted(permission)) {
      return;
    }
    if (authorization == null) {
      authorization = newGrant(userId, groupId, resource, resourceId);
    }
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }

  private Authorization find(String userId, String groupId, Resource resource, String resourceId) {
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
    return query.list().stream()
        .filter(a -> global || Objects.equals(a.getGroupId(), groupId) && Objects.equals(a.getUserId(), userId))
        .findFirst()
        .orElse(null);
  }

  private Authorization newGrant(String userId, String groupId, Resource resource, String resourceId) {
    boolean global = ANY.equals(userId);
    Authorization authorization = authorizationService.createNewAuthorization(global ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (global) {
      authorization.setUserId(ANY);
    } else if (userId != null) {
      authorization.setUserId(userId);
    } else {
      authorization.setGroupId(groupId);
    }
    return authorization;
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
