package cn.wujiang.cxzy.organization;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * Everything an import may change, as text: organizations, members, Camunda users, groups and
 * memberships. Two snapshots are equal when nothing of it changed.
 */
public record CitySnapshot(List<String> organizations, List<String> members, List<String> users,
    List<String> groups, List<String> memberships) {

  /** Takes the snapshot as the application itself sees the data (no engine authentication set). */
  public static CitySnapshot take(OrganizationService service, IdentityService identity) {
    List<String> organizations = service.all().stream()
        .map(o -> String.join("|", o.getCode(), o.getName(), String.valueOf(o.getType()),
            String.valueOf(o.getSystem()), String.valueOf(o.getLeaderCode()),
            String.valueOf(o.isGrassroots()), String.valueOf(o.getUnitName())))
        .sorted().toList();
    List<String> members = service.allMembers().stream()
        .map(m -> String.join("|", m.getMemberNo(), m.getName(), m.getOrgCode(), String.valueOf(m.getRole()),
            String.valueOf(m.getPosition()), String.valueOf(m.getEmail()), String.valueOf(m.getUsername())))
        .sorted().toList();
    List<String> users = identity.createUserQuery().list().stream()
        .map(u -> String.join("|", u.getId(), String.valueOf(u.getFirstName()),
            String.valueOf(u.getLastName()), String.valueOf(u.getEmail())))
        .sorted().toList();
    List<Group> groupList = identity.createGroupQuery().list();
    List<String> groups = groupList.stream()
        .map(g -> String.join("|", g.getId(), String.valueOf(g.getName()), String.valueOf(g.getType())))
        .sorted().toList();
    List<String> memberships = groupList.stream()
        .flatMap(g -> identity.createUserQuery().memberOfGroup(g.getId()).list().stream()
            .map(User::getId).map(u -> u + "->" + g.getId()))
        .sorted().toList();
    return new CitySnapshot(organizations, members, users, groups, memberships);
  }
}
