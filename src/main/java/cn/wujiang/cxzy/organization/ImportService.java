package cn.wujiang.cxzy.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organizations and members from CSV or XLSX. A file is checked whole first; with any error
 * nothing is saved. A re-import updates by code or member number.
 */
@Service
public class ImportService {

  static final Column ORG_CODE = new Column("code", "编码", true, 64);
  static final Column ORG_NAME = new Column("name", "名称", true, 200);
  static final Column ORG_TYPE = new Column("type", "类型", true, 32);
  static final Column ORG_SYSTEM = new Column("system", "系统", true, 32);
  static final Column ORG_LEADER = new Column("leader_code", "上级编码", false, 64);
  static final Column ORG_GRASSROOTS = new Column("grassroots", "基层", true, 8);
  static final Column ORG_UNIT = new Column("unit", "单位", false, 200);
  static final List<Column> ORG_COLUMNS =
      List.of(ORG_CODE, ORG_NAME, ORG_TYPE, ORG_SYSTEM, ORG_LEADER, ORG_GRASSROOTS, ORG_UNIT);

  static final Column MEMBER_NO = new Column("member_no", "党员编号", true, 64);
  static final Column MEMBER_NAME = new Column("name", "姓名", true, 100);
  static final Column MEMBER_ORG = new Column("org_code", "组织编码", true, 64);
  static final Column MEMBER_ROLE = new Column("role", "角色", true, 32);
  static final Column MEMBER_POSITION = new Column("position", "岗位", false, 200);
  static final Column MEMBER_EMAIL = new Column("email", "邮箱", false, 200);
  static final Column MEMBER_USERNAME = new Column("username", "用户名", false, 64);
  static final List<Column> MEMBER_COLUMNS = List.of(MEMBER_NO, MEMBER_NAME, MEMBER_ORG, MEMBER_ROLE,
      MEMBER_POSITION, MEMBER_EMAIL, MEMBER_USERNAME);

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_ERRORS = 200;

  private final OrganizationRepository organizations;
  private final MemberRepository members;
  private final MemberAccounts accounts;
  private final OrganizationService organizationService;
  private final ImportLimits limits;

  ImportService(OrganizationRepository organizations, MemberRepository members, MemberAccounts accounts,
      OrganizationService organizationService, ImportLimits limits) {
    this.organizationService = organizationService;
    this.limits = limits;
    this.organizations = organizations;
    this.members = members;
    this.accounts = accounts;
  }

  @Transactional
  public ImportResult importOrganizations(byte[] file) {
    Errors errors = new Errors();
    List<TableReader.Line> rows = body(TableReader.read(file, limits), ORG_COLUMNS, errors);
    Map<String, Organization> existing = organizations.findAll().stream()
        .collect(Collectors.toMap(Organization::getCode, Function.identity()));
    Map<String, OrgRow> parsed = new HashMap<>();
    List<OrgRow> ordered = new ArrayList<>();
    for (TableReader.Line line : rows) {
      OrgRow row = parseOrganization(line, errors);
      if (row == null) {
        continue;
      }
      if (parsed.containsKey(row.code)) {
        errors.add(line, ORG_CODE, "编码“" + row.code + "”在文件中重复（第 " + parsed.get(row.code).line.number() + " 行已有）");
        continue;
      }
      parsed.put(row.code, row);
      ordered.add(row);
    }
    // The structure after the import: what is there now, overlaid with the file.
    Map<String, String> leaders = new HashMap<>();
    Map<String, OrgType> types = new HashMap<>();
    existing.values().forEach(o -> {
      leaders.put(o.getCode(), o.getLeaderCode());
      types.put(o.getCode(), o.getType());
    });
    ordered.forEach(r -> {
      leaders.put(r.code, r.leader);
      types.put(r.code, r.type);
    });
    for (OrgRow row : ordered) {
      if (row.type != OrgType.OFFICE && row.code.equalsIgnoreCase(OrganizationService.CITY_OFFICE_GROUP)) {
        errors.add(row.line, ORG_CODE, "编码“" + row.code + "”是市委创先争优活动领导小组办公室的系统组，其他组织不能使用");
      } else if (accounts.isReservedGroupId(row.code)) {
        errors.add(row.line, ORG_CODE, "编码“" + row.code + "”是系统保留的组名（系统管理员组、以 camunda 开头的名称或系统中已有的非组织用户组），请换一个");
      }
    }
    for (OrgRow row : ordered) {
      if (row.leader != null && !leaders.containsKey(row.leader)) {
        errors.add(row.line, ORG_LEADER, "上级编码“" + row.leader + "”不存在（文件和系统中都没有这个组织）");
      } else if (row.leader != null && leadsInCycle(row.code, leaders)) {
        errors.add(row.line, ORG_LEADER, "隶属关系成环：沿“" + row.code + "”的上级编码向上又回到了它自己");
      } else if (row.leader != null && row.leader.equals(row.code)) {
        errors.add(row.line, ORG_LEADER, "组织不能隶属于自己");
      }
    }
    List<String> roots = leaders.entrySet().stream().filter(e -> e.getValue() == null)
        .map(Map.Entry::getKey).sorted().toList();
    if (roots.size() > 1) {
      for (OrgRow row : ordered) {
        if (row.leader == null) {
          errors.add(row.line, ORG_LEADER, "只有市委创先争优活动领导小组办公室可以没有上级，现有多个：" + String.join("、", roots));
        }
      }
    }
    errors.throwIfAny();

    int created = 0;
    int updated = 0;
    for (OrgRow row : ordered) {
      Organization org = existing.get(row.code);
      if (org == null) {
        organizations.save(new Organization(row.code, row.name, row.type, row.system, row.leader,
            row.grassroots, row.unit));
        created++;
      } else {
        org.update(row.name, row.type, row.system, row.leader, row.grassroots, row.unit);
        updated++;
      }
    }
    organizations.flush();
    organizationService.treeChanged();
    return new ImportResult(created, updated, accounts.synchronize(Set.of()));
  }

  @Transactional
  public ImportResult importMembers(byte[] file) {
    Errors errors = new Errors();
    List<TableReader.Line> rows = body(TableReader.read(file, limits), MEMBER_COLUMNS, errors);
    Set<String> orgCodes = organizations.findAll().stream().map(Organization::getCode)
        .collect(Collectors.toSet());
    Map<String, Member> existing = members.findAll().stream()
        .collect(Collectors.toMap(Member::getMemberNo, Function.identity()));
    Map<String, String> usernameOwners = new HashMap<>();
    existing.values().stream().filter(m -> m.getUsername() != null)
        .forEach(m -> usernameOwners.put(m.getUsername().toLowerCase(), m.getMemberNo()));

    Map<String, MemberRow> parsed = new HashMap<>();
    List<MemberRow> ordered = new ArrayList<>();
    Map<String, MemberRow> usernamesInFile = new HashMap<>();
    for (TableReader.Line line : rows) {
      MemberRow row = parseMember(line, errors);
      if (row == null) {
        continue;
      }
      if (parsed.containsKey(row.memberNo)) {
        errors.add(line, MEMBER_NO, "党员编号“" + row.memberNo + "”在文件中重复（第 " + parsed.get(row.memberNo).line.number() + " 行已有）");
        continue;
      }
      if (!orgCodes.contains(row.orgCode)) {
        errors.add(line, MEMBER_ORG, "组织编码“" + row.orgCode + "”不存在，请先导入组织");
      }
      if (row.username != null) {
        String key = row.username.toLowerCase();
        MemberRow other = usernamesInFile.get(key);
        String owner = usernameOwners.get(key);
        if (other != null) {
          errors.add(line, MEMBER_USERNAME, "用户名“" + row.username + "”在文件中重复（第 " + other.line.number() + " 行已有）");
        } else if (owner != null && !owner.equals(row.memberNo) && !releasedInFile(owner, key, line, rows)) {
          errors.add(line, MEMBER_USERNAME, "用户名“" + row.username + "”已被党员 " + owner + " 使用");
        } else if (owner == null && accounts.isReservedUsername(row.username)) {
          errors.add(line, MEMBER_USERNAME, "用户名“" + row.username + "”是系统保留账号，请换一个");
        }
        usernamesInFile.put(key, row);
      }
      parsed.put(row.memberNo, row);
      ordered.add(row);
    }
    errors.throwIfAny();

    int created = 0;
    int updated = 0;
    // Free usernames first so that two members may swap theirs within one file.
    Set<String> released = new HashSet<>();
    for (MemberRow row : ordered) {
      Member member = existing.get(row.memberNo);
      if (member != null && member.getUsername() != null
          && !member.getUsername().equalsIgnoreCase(row.username == null ? "" : row.username)) {
        released.add(member.getUsername());
        member.update(member.getName(), member.getOrgCode(), member.getRole(), member.getPosition(),
            member.getEmail(), null);
      }
    }
    members.flush();
    for (MemberRow row : ordered) {
      Member member = existing.get(row.memberNo);
      if (member == null) {
        members.save(new Member(row.memberNo, row.name, row.orgCode, row.role, row.position, row.email,
            row.username));
        created++;
      } else {
        member.update(row.name, row.orgCode, row.role, row.position, row.email, row.username);
        updated++;
      }
    }
    members.flush();
    return new ImportResult(created, updated, accounts.synchronize(released));
  }

  /** Whether the current owner of a username gives it up in this same file. */
  private boolean releasedInFile(String owner, String usernameKey, TableReader.Line current,
      List<TableReader.Line> rows) {
    for (TableReader.Line line : rows) {
      if (line.cell(0).equals(owner)) {
        String username = line.cell(6);
        return !username.equalsIgnoreCase(usernameKey);
      }
    }
    return false;
  }

  private static boolean leadsInCycle(String code, Map<String, String> leaders) {
    Set<String> seen = new HashSet<>();
    String current = code;
    while (current != null) {
      if (!seen.add(current)) {
        return true;
      }
      current = leaders.get(current);
    }
    return false;
  }

  private static List<TableReader.Line> body(List<TableReader.Line> lines, List<Column> columns,
      Errors errors) {
    List<TableReader.Line> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
    if (nonBlank.isEmpty()) {
      errors.file("文件中没有内容：第一行应为表头 " + header(columns));
      errors.throwIfAny();
    }
    TableReader.Line head = nonBlank.get(0);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!columns.get(i).matchesHeader(head.cell(i))) {
        wrong.add("第 " + (i + 1) + " 列应为“" + columns.get(i).chinese() + "”，实为“" + head.cell(i) + "”");
      }
    }
    for (int i = columns.size(); i < head.cells().size(); i++) {
      if (!head.cell(i).isEmpty()) {
        wrong.add("多余的第 " + (i + 1) + " 列“" + head.cell(i) + "”");
      }
    }
    if (!wrong.isEmpty()) {
      errors.add(head, null, "表头不正确（" + String.join("；", wrong) + "）。表头应为 " + header(columns));
    }
    errors.throwIfAny();
    List<TableReader.Line> body = nonBlank.subList(1, nonBlank.size());
    if (body.isEmpty()) {
      errors.file("文件只有表头，没有数据行");
      errors.throwIfAny();
    }
    return body;
  }

  private static String header(List<Column> columns) {
    return columns.stream().map(Column::key).collect(Collectors.joining(",")) + "（或 "
        + columns.stream().map(Column::chinese).collect(Collectors.joining(",")) + "）";
  }

  private OrgRow parseOrganization(TableReader.Line line, Errors errors) {
    int before = errors.size();
    String code = text(line, 0, ORG_CODE, errors);
    String name = text(line, 1, ORG_NAME, errors);
    String typeText = text(line, 2, ORG_TYPE, errors);
    String systemText = text(line, 3, ORG_SYSTEM, errors);
    String leader = text(line, 4, ORG_LEADER, errors);
    String grassrootsText = text(line, 5, ORG_GRASSROOTS, errors);
    String unit = text(line, 6, ORG_UNIT, errors);
    if (code != null && !CODE.matcher(code).matches()) {
      errors.add(line, ORG_CODE, "编码“" + code + "”只能由英文字母、数字和 . _ - 组成，且以字母或数字开头");
    }
    if (leader != null && !CODE.matcher(leader).matches()) {
      errors.add(line, ORG_LEADER, "上级编码“" + leader + "”格式不正确");
    }
    Optional<OrgType> type = parse(OrgType.class, typeText, line, ORG_TYPE, errors);
    Optional<OrgSystem> system = parse(OrgSystem.class, systemText, line, ORG_SYSTEM, errors);
    Boolean grassroots = null;
    if (grassrootsText != null) {
      grassroots = switch (grassrootsText) {
        case "是", "Y", "y", "yes", "true", "1" -> Boolean.TRUE;
        case "否", "N", "n", "no", "false", "0" -> Boolean.FALSE;
        default -> {
          errors.add(line, ORG_GRASSROOTS, "基层一栏只能填“是”或“否”，实为“" + grassrootsText + "”");
          yield null;
        }
      };
    }
    if (type.isPresent()) {
      if (type.get() == OrgType.OFFICE && leader != null) {
        errors.add(line, ORG_LEADER, "办公室（市委创先争优活动领导小组办公室）不应有上级编码");
      }
      if (type.get() != OrgType.OFFICE && leader == null && code != null) {
        errors.add(line, ORG_LEADER, "缺少上级编码：只有办公室可以没有上级");
      }
      if (type.get() == OrgType.OFFICE && Boolean.TRUE.equals(grassroots)) {
        errors.add(line, ORG_GRASSROOTS, "办公室不是基层党组织");
      }
    }
    if (errors.size() > before || code == null) {
      return null;
    }
    return new OrgRow(line, code, name, type.get(), system.get(), leader, grassroots, unit);
  }

  private MemberRow parseMember(TableReader.Line line, Errors errors) {
    int before = errors.size();
    String memberNo = text(line, 0, MEMBER_NO, errors);
    String name = text(line, 1, MEMBER_NAME, errors);
    String orgCode = text(line, 2, MEMBER_ORG, errors);
    String roleText = text(line, 3, MEMBER_ROLE, errors);
    String position = text(line, 4, MEMBER_POSITION, errors);
    String email = text(line, 5, MEMBER_EMAIL, errors);
    String username = text(line, 6, MEMBER_USERNAME, errors);
    if (memberNo != null && !CODE.matcher(memberNo).matches()) {
      errors.add(line, MEMBER_NO, "党员编号“" + memberNo + "”只能由英文字母、数字和 . _ - 组成");
    }
    Optional<MemberRole> role = parse(MemberRole.class, roleText, line, MEMBER_ROLE, errors);
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.add(line, MEMBER_EMAIL, "邮箱“" + email + "”格式不正确");
    }
    if (username != null && !CODE.matcher(username).matches()) {
      errors.add(line, MEMBER_USERNAME, "用户名“" + username + "”只能由英文字母、数字和 . _ - 组成，且以字母或数字开头");
    }
    if (errors.size() > before || memberNo == null) {
      return null;
    }
    return new MemberRow(line, memberNo, name, orgCode, role.get(), position, email, username);
  }

  private static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text,
      TableReader.Line line, Column column, Errors errors) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<E> value = Labelled.parse(type, text);
    if (value.isEmpty()) {
      String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Labelled::label)
          .collect(Collectors.joining("、"));
      errors.add(line, column, column.chinese() + "“" + text + "”无效，应为：" + allowed);
    }
    return value;
  }

  private static String text(TableReader.Line line, int index, Column column, Errors errors) {
    String value = line.cell(index);
    if (value.isEmpty()) {
      if (column.required()) {
        errors.add(line, column, "缺少必填项“" + column.chinese() + "”");
      }
      return null;
    }
    if (value.length() > column.maxLength()) {
      errors.add(line, column, column.chinese() + "过长（" + value.length() + " 字），最多 " + column.maxLength() + " 字");
      return null;
    }
    return value;
  }

  private record OrgRow(TableReader.Line line, String code, String name, OrgType type, OrgSystem system,
      String leader, boolean grassroots, String unit) {
  }

  private record MemberRow(TableReader.Line line, String memberNo, String name, String orgCode,
      MemberRole role, String position, String email, String username) {
  }

  /** The errors found so far; a file with any is refused whole. */
  private static final class Errors {
    private final List<ImportError> list = new ArrayList<>();

    void add(TableReader.Line line, Column column, String message) {
      if (list.size() < MAX_ERRORS) {
        list.add(new ImportError(line.number(), column == null ? null : column.key(),
            column == null ? null : column.chinese(), "第 " + line.number() + " 行：" + message));
      }
    }

    void file(String message) {
      list.add(ImportError.ofFile(message));
    }

    int size() {
      return list.size();
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw new ImportRejectedException(list);
      }
    }
  }
}
