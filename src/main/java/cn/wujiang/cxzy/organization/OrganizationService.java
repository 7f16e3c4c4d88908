package cn.wujiang.cxzy.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizations and members of the city and the routing rules over them: who directly leads an
 * organization, who guides its system, who approves its selection, which organizations a body leads.
 * Every answer comes from data; no committee is named in code.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

  /** The Camunda group of the city office, whatever its organization code. */
  public static final String CITY_OFFICE_GROUP = "city-office";

  private final OrganizationRepository organizations;
  private final MemberRepository members;
  private final RoutingProperties routing;
  private final JdbcTemplate jdbc;
  /** The tree in memory: routing asks for it on every task and process start. */
  private volatile Snapshot snapshot;

  private record Snapshot(long version, long writes, Map<String, Organization> index) {
  }

  OrganizationService(OrganizationRepository organizations, MemberRepository members,
      RoutingProperties routing, JdbcTemplate jdbc) {
    this.organizations = organizations;
    this.members = members;
    this.routing = routing;
    this.jdbc = jdbc;
  }

  public Optional<Organization> find(String code) {
    return code == null ? Optional.empty() : organizations.findById(code);
  }

  public Organization get(String code) {
    return find(code).orElseThrow(() -> new UnknownOrganizationException(code));
  }

  public List<Organization> all() {
    return organizations.findAll(Sort.BY_CODE);
  }

  public long count() {
    return organizations.count();
  }

  public List<Member> members(String orgCode) {
    return members.findByOrgCodeOrderByMemberNo(orgCode);
  }

  /** The number of members of each of the organizations, in one query (0 for one without members). */
  public Map<String, Integer> memberCounts(Collection<String> orgCodes) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    orgCodes.forEach(code -> counts.put(code, 0));
    if (!orgCodes.isEmpty()) {
      for (MemberRepository.OrgCount row : members.countByOrgCodeIn(orgCodes)) {
        counts.put(row.getOrgCode(), Math.toIntExact(row.getMembers()));
      }
    }
    return counts;
  }

  public Optional<Member> member(String memberNo) {
    return memberNo == null ? Optional.empty() : members.findById(memberNo);
  }

  public Optional<Member> memberByUsername(String username) {
    return username == null ? Optional.empty() : members.findByUsername(username);
  }

  public List<Member> allMembers() {
    return members.findAll(org.springframework.data.domain.Sort.by("memberNo"));
  }

  /** The Camunda group that acts for an organization. */
  public static String groupId(Organization org) {
    return org.isCityOffice() ? CITY_OFFICE_GROUP : org.getCode();
  }

  /** The candidate group for tasks an organization itself performs. */
  public String groupOf(String orgCode) {
    return groupId(get(orgCode));
  }

  /** The group of the body the organization is affiliated to: who approves and reviews it. */
  public String leaderGroupOf(String orgCode) {
    return groupId(directLeader(orgCode));
  }

  /** The member numbers of an organization, for a task per member. */
  public List<String> memberNos(String orgCode) {
    return members(orgCode).stream().map(Member::getMemberNo).toList();
  }

  /** The login of a member, or null where the member has none. */
  public String usernameOf(String memberNo) {
    return member(memberNo).map(Member::getUsername).orElse(null);
  }

  /**
   * Who records a member's own task: nobody else where the member logs in (the task is assigned to
   * them), the organization's group where the member has no login.
   */
  public List<String> memberTaskGroups(String memberNo) {
    Member member = member(memberNo).orElseThrow(() -> new IllegalArgumentException("unknown member " + memberNo));
    return member.getUsername() != null ? List.of() : List.of(groupOf(member.getOrgCode()));
  }

  /** The body the organization is affiliated to (直接领导). */
  public Organization directLeader(String orgCode) {
    Organization org = get(orgCode);
    if (org.isCityOffice()) {
      throw new IllegalArgumentException("the city office has no leader");
    }
    return get(org.getLeaderCode());
  }

  /** The system of each of the organizations, from the tree in memory. */
  public Map<String, OrgSystem> systemsOf(Collection<String> orgCodes) {
    Map<String, Organization> index = index();
    Map<String, OrgSystem> result = new java.util.HashMap<>();
    orgCodes.forEach(code -> result.put(code, lookup(index, code).getSystem()));
    return result;
  }

  /** The bureau committee that guides the organization's system (系统指导), if it has one. */
  public Optional<Organization> systemGuide(String orgCode) {
    return systemGuide(get(orgCode).getSystem(), index());
  }

  /** The leading body below the city office that the organization belongs to (the commending body). */
  public Organization leadingBody(String orgCode) {
    Map<String, Organization> index = index();
    Organization current = lookup(index, orgCode);
    while (current.getLeaderCode() != null) {
      Organization leader = lookup(index, current.getLeaderCode());
      if (leader.isCityOffice()) {
        return current;
      }
      current = leader;
    }
    throw new IllegalArgumentException("the city office has no leading body");
  }

  /** The leading body of each of the organizations, computed in one pass. */
  public Map<String, Organization> leadingBodies(Collection<String> orgCodes) {
    Map<String, Organization> index = index();
    Map<String, Organization> result = new java.util.HashMap<>();
    for (String code : orgCodes) {
      Organization current = index.get(code);
      while (current != null && current.getLeaderCode() != null) {
        Organization leader = index.get(current.getLeaderCode());
        if (leader == null || leader.isCityOffice()) {
          break;
        }
        current = leader;
      }
      if (current != null && !current.isCityOffice()) {
        result.put(code, current);
      }
    }
    return result;
  }

  /**
   * The bodies that must approve a selection of the organization or its members: its leading body and
   * its system guide, one body where they are the same (会签).
   */
  public List<Organization> approvers(String orgCode) {
    Set<Organization> result = new LinkedHashSet<>();
    Organization leading = leadingBody(orgCode);
    result.add(leading);
    systemGuide(orgCode).ifPresent(result::add);
    return new ArrayList<>(result);
  }

  /** Every body above the organization, nearest first, the city office last. */
  public List<Organization> ancestors(String orgCode) {
    Map<String, Organization> index = index();
    List<Organization> result = new ArrayList<>();
    Organization current = lookup(index, orgCode);
    Set<String> seen = new LinkedHashSet<>();
    while (current.getLeaderCode() != null && seen.add(current.getCode())) {
      current = lookup(index, current.getLeaderCode());
      result.add(current);
    }
    return result;
  }

  /**
   * The grassroots organizations a body leads by affiliation (领导关系), directly or through
   * intermediate committees and general branches; for the city office, all of them.
   */
  public List<Organization> scope(String leaderCode) {
    Map<String, Organization> index = index();
    Set<Organization> result = new LinkedHashSet<>();
    collect(lookup(index, leaderCode), children(index), result, new LinkedHashSet<>());
    return result.stream().sorted(Sort.BY_CODE_CMP).toList();
  }

  /**
   * What a body may watch: its scope, and for a system guide every grassroots organization of its
   * system as well (指导工作).
   */
  public List<Organization> visibleScope(String bodyCode) {
    Map<String, Organization> index = index();
    Organization body = lookup(index, bodyCode);
    Set<Organization> result = new LinkedHashSet<>();
    collect(body, children(index), result, new LinkedHashSet<>());
    for (Organization org : index.values()) {
      if (org.isGrassroots() && systemGuide(org.getSystem(), index).filter(body::equals).isPresent()) {
        result.add(org);
      }
    }
    return result.stream().sorted(Sort.BY_CODE_CMP).toList();
  }

  /** The leading bodies a user acts for: those of its groups that are neither grassroots nor the city office. */
  public List<Organization> bodiesOf(Collection<String> groups) {
    Set<Organization> bodies = new LinkedHashSet<>();
    for (String group : groups) {
      find(group).filter(o -> !o.isGrassroots() && !o.isCityOffice()).ifPresent(bodies::add);
    }
    return new ArrayList<>(bodies);
  }

  /** The codes of every organization the bodies may watch ({@link #visibleScope}). */
  public Set<String> visibleCodes(List<Organization> bodies) {
    Set<String> codes = new LinkedHashSet<>();
    bodies.forEach(body -> visibleScope(body.getCode()).forEach(o -> codes.add(o.getCode())));
    return codes;
  }

  private static Map<String, List<Organization>> children(Map<String, Organization> index) {
    return index.values().stream()
        .filter(o -> o.getLeaderCode() != null)
        .collect(Collectors.groupingBy(Organization::getLeaderCode));
  }

  /** The bodies directly below the city office: bureaus, towns, zones, unit committees. */
  public List<Organization> leadingBodies() {
    Map<String, Organization> index = index();
    return index.values().stream()
        .filter(o -> o.getLeaderCode() != null && lookup(index, o.getLeaderCode()).isCityOffice())
        .sorted(Sort.BY_CODE_CMP)
        .toList();
  }

  public Optional<Organization> cityOffice() {
    return organizations.findByLeaderCodeIsNull().stream().findFirst();
  }

  private void collect(Organization body, Map<String, List<Organization>> children,
      Set<Organization> result, Set<String> seen) {
    if (!seen.add(body.getCode())) {
      return;
    }
    for (Organization child : children.getOrDefault(body.getCode(), List.of())) {
      if (child.isGrassroots()) {
        result.add(child);
      }
      collect(child, children, result, seen);
    }
  }

  Optional<Organization> systemGuide(OrgSystem system, Map<String, Organization> index) {
    String configured = routing.systemGuides().get(system);
    if (configured != null && index.containsKey(configured)) {
      return Optional.of(index.get(configured));
    }
    List<Organization> candidates = index.values().stream()
        .filter(o -> o.getSystem() == system && !o.isGrassroots() && o.getLeaderCode() != null)
        .filter(o -> lookup(index, o.getLeaderCode()).isCityOffice())
        .toList();
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /**
   * Every organization by code, read from the database only when the tree changed since: an import on
   * any node raises the version in org_directory, a write in this process counts in
   * {@link Organization#writes()}. Otherwise one primary-key read instead of the whole table.
   */
  private Map<String, Organization> index() {
    long writes = Organization.writes();
    Long version = jdbc.queryForObject("select version from org_directory where id = 1", Long.class);
    Snapshot current = snapshot;
    if (current == null || current.version() != version || current.writes() != writes) {
      Map<String, Organization> index = organizations.findAll().stream().map(Organization::copy)
          .collect(Collectors.toUnmodifiableMap(Organization::getCode, Function.identity()));
      current = new Snapshot(version, writes, index);
      snapshot = current;
    }
    return current.index();
  }

  /** Tells every node that the tree changed; in the transaction that changed it. */
  @Transactional
  public void treeChanged() {
    jdbc.update("update org_directory set version = version + 1 where id = 1");
  }

  private static Organization lookup(Map<String, Organization> index, String code) {
    Organization org = index.get(code);
    if (org == null) {
      throw new UnknownOrganizationException(code);
    }
    return org;
  }

  private static final class Sort {
    static final org.springframework.data.domain.Sort BY_CODE =
        org.springframework.data.domain.Sort.by("code");
    static final Comparator<Organization> BY_CODE_CMP = Comparator.comparing(Organization::getCode);
  }
}
