package cn.wujiang.cxzy.commendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.web.SpreadsheetText;

/** The commendation list and the nominations with every decision, as Excel workbooks with Chinese headers. */
@Component
class CommendationExport {

  static final List<String> TITLE_HEADERS = List.of("时段", "称号", "类别", "表彰对象", "党员编号", "所在党组织", "单位",
      "系统", "推荐单位", "综合得分", "表彰时间");
  static final List<String> NOMINATION_HEADERS = List.of("编号", "时段", "推荐单位", "称号", "类别", "推荐对象", "党员编号",
      "所在党组织", "系统", "综合得分", "称号排名", "名额", "名额外推荐", "名额外推荐理由", "主要事迹", "提交次数", "状态", "提示",
      "推荐人", "推荐时间");
  static final List<String> DECISION_HEADERS = List.of("推荐编号", "推荐对象", "称号", "环节", "提交次数", "单位", "办理人",
      "姓名", "时间", "意见", "理由");

  private final CommendationService commendations;
  private final NomineeChecks checks;
  private final OrganizationService organizations;

  CommendationExport(CommendationService commendations, NomineeChecks checks, OrganizationService organizations) {
    this.commendations = commendations;
    this.checks = checks;
    this.organizations = organizations;
  }

  /** The titles awarded in the phase to the organizations and members given. */
  byte[] titles(String phaseId, List<AwardedTitle> list) {
    Names names = new Names();
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      Sheet sheet = sheet(workbook, "表彰名单", TITLE_HEADERS, styles);
      String phase = commendations.phaseLabel(phaseId);
      for (AwardedTitle t : list) {
        Organization org = names.org(t.getOrgCode());
        Row row = next(sheet);
        int c = 0;
        set(row, c++, phase, styles);
        set(row, c++, t.getTitle().label(), styles);
        set(row, c++, t.isMember() ? "党员" : "基层党组织", styles);
        set(row, c++, t.isMember() ? names.member(t.getMemberNo()) : org.getName(), styles);
        set(row, c++, t.getMemberNo(), styles);
        set(row, c++, org.getName(), styles);
        set(row, c++, org.getUnitName(), styles);
        set(row, c++, org.getSystem().label(), styles);
        set(row, c++, names.org(t.getCommitteeCode()).getName(), styles);
        set(row, c++, t.getComposite(), styles);
        set(row, c, CommendationForms.when(t.getAwardedAt()), styles);
      }
      widths(sheet, 16);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every nomination in the phase about the organizations given, and every decision on each. */
  byte[] nominations(String phaseId, List<Nomination> list) {
    Names names = new Names();
    Map<Long, List<NominationDecision>> decisions = commendations.decisions(list);
    Map<Long, CommendationRound> rounds = commendations.rounds(phaseId).stream()
        .collect(Collectors.toMap(CommendationRound::getId, Function.identity()));
    Map<Long, Standings> standings = new HashMap<>();
    String phase = commendations.phaseLabel(phaseId);
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      Sheet sheet = sheet(workbook, "推荐名单", NOMINATION_HEADERS, styles);
      Sheet decisionSheet = sheet(workbook, "审批记录", DECISION_HEADERS, styles);
      for (Nomination n : list) {
        CommendationRound round = rounds.get(n.getRoundId());
        Organization org = names.org(n.getOrgCode());
        String nominee = n.isMember() ? names.member(n.getMemberNo()) : org.getName();
        Standings standing = standings.computeIfAbsent(round.getId(), id -> commendations.standings(round));
        Candidate candidate = standing.candidate(n.getSubject()).orElse(null);
        Quota quota = standing.quota(n.getTitle()).orElse(null);
        Row row = next(sheet);
        int c = 0;
        set(row, c++, n.getId(), styles);
        set(row, c++, phase, styles);
        set(row, c++, names.org(round.getCommitteeCode()).getName(), styles);
        set(row, c++, n.getTitle().label(), styles);
        set(row, c++, n.isMember() ? "党员" : "基层党组织", styles);
        set(row, c++, nominee, styles);
        set(row, c++, n.getMemberNo(), styles);
        set(row, c++, org.getName(), styles);
        set(row, c++, org.getSystem().label(), styles);
        set(row, c++, candidate == null ? null : candidate.getComposite(), styles);
        set(row, c++, candidate == null ? null : standing.rank(candidate, n.getTitle()), styles);
        set(row, c++, quota == null ? null : quota.getQuota(), styles);
        set(row, c++, n.isOutsideQuota() ? "是" : "否", styles);
        set(row, c++, n.getOutsideReason(), styles);
        set(row, c++, n.getDeeds(), styles);
        set(row, c++, n.getSubmissions(), styles);
        set(row, c++, n.getStatus().label(), styles);
        set(row, c++, String.join("；", checks.flags(n.getOrgCode(), n.getMemberNo(), n.getPhaseId())), styles);
        set(row, c++, n.getCreatedBy(), styles);
        set(row, c, CommendationForms.when(n.getCreatedAt()), styles);
        for (NominationDecision d : decisions.getOrDefault(n.getId(), List.of())) {
          Row r = next(decisionSheet);
          int k = 0;
          set(r, k++, n.getId(), styles);
          set(r, k++, nominee, styles);
          set(r, k++, n.getTitle().label(), styles);
          set(r, k++, d.getStage().label(), styles);
          set(r, k++, d.getSubmission(), styles);
          set(r, k++, names.org(d.getBodyCode()).getName(), styles);
          set(r, k++, d.getDecidedBy(), styles);
          set(r, k++, names.person(d.getDecidedBy()), styles);
          set(r, k++, CommendationForms.when(d.getDecidedAt()), styles);
          set(r, k++, d.getOutcome().label(), styles);
          set(r, k, d.getReason(), styles);
        }
      }
      widths(sheet, 14);
      widths(decisionSheet, 14);
      sheet.setColumnWidth(NOMINATION_HEADERS.indexOf("主要事迹"), 60 * 256);
      decisionSheet.setColumnWidth(DECISION_HEADERS.indexOf("理由"), 50 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of organizations and people, looked up once per workbook. */
  private final class Names {
    private final Map<String, Organization> orgs = organizations.all().stream()
        .collect(Collectors.toMap(Organization::getCode, Function.identity()));
    private final Map<String, Member> members = organizations.allMembers().stream()
        .collect(Collectors.toMap(Member::getMemberNo, Function.identity()));
    private final Map<String, String> byUsername = organizations.allMembers().stream()
        .filter(m -> m.getUsername() != null)
        .collect(Collectors.toMap(Member::getUsername, Member::getName, (a, b) -> a));

    Organization org(String code) {
      Organization org = orgs.get(code);
      if (org == null) {
        throw new IllegalStateException("unknown organization " + code);
      }
      return org;
    }

    String member(String memberNo) {
      Member m = members.get(memberNo);
      return m == null ? memberNo : m.getName();
    }

    String person(String username) {
      return username == null ? "" : byUsername.getOrDefault(username, "");
    }
  }

  private static Sheet sheet(XSSFWorkbook workbook, String name, List<String> headers, Styles styles) {
    Sheet sheet = workbook.createSheet(name);
    Row row = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(headers.get(i));
      cell.setCellStyle(styles.header);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  private static void widths(Sheet sheet, int chars) {
    for (int i = 0; i < sheet.getRow(0).getLastCellNum(); i++) {
      sheet.setColumnWidth(i, chars * 256);
    }
  }

  private static Row next(Sheet sheet) {
    return sheet.createRow(sheet.getLastRowNum() + 1);
  }

  private static void set(Row row, int column, Object value, Styles styles) {
    Cell cell = row.createCell(column);
    if (value == null) {
      cell.setBlank();
    } else if (value instanceof BigDecimal d) {
      cell.setCellValue(d.doubleValue());
      cell.setCellStyle(styles.decimal);
    } else if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else {
      styles.cells.text(cell, value.toString());
    }
  }

  private static final class Styles {
    /** Text cells that no spreadsheet evaluates. */
    final SpreadsheetText.Cells cells;
    final CellStyle header;
    final CellStyle decimal;

    Styles(XSSFWorkbook workbook) {
      cells = new SpreadsheetText.Cells(workbook);
      header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      decimal = workbook.createCellStyle();
      decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
    }
  }
}
