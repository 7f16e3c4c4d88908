package cn.wujiang.cxzy.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import cn.wujiang.cxzy.review.Criterion;
import cn.wujiang.cxzy.web.SpreadsheetText;

/** The results of a phase's evaluations as an Excel workbook with Chinese headers. */
@Component
class ResultsExport {

  static final List<String> ORG_HEADERS;
  static final List<String> MEMBER_HEADERS = List.of("年度", "党组织", "党员编号", "姓名", "评价票数", "优秀", "合格",
      "基本合格", "不合格", "未评", "群众信任率", "群众评议得分", "上级点评得分", "综合得分", "评定等次", "确认等次", "可参加评先评优", "说明");
  static final List<String> CHANGE_HEADERS = List.of("年度", "党组织", "调整对象", "原等次", "调整为", "调整理由", "调整人", "调整时间");
  static final List<String> OPINION_HEADERS = List.of("年度", "党组织", "意见建议");

  static {
    List<String> headers = new java.util.ArrayList<>(List.of("年度", "时段", "系统", "上级党组织", "党组织", "状态",
        "有效评议票", "电子票", "纸质票"));
    Criterion.of(false).forEach(c -> headers.add(c.label()));
    headers.addAll(List.of("群众满意率", "群众评议得分", "上级点评得分", "承诺兑现率", "综合得分", "评定等次", "确认等次",
        "可参加评先评优", "说明"));
    ORG_HEADERS = List.copyOf(headers);
  }

  private final EvaluationService evaluations;
  private final OrganizationService organizations;

  ResultsExport(EvaluationService evaluations, OrganizationService organizations) {
    this.evaluations = evaluations;
    this.organizations = organizations;
  }

  byte[] workbook(List<Evaluation> list) {
    Map<Long, List<EvaluationResult>> results = evaluations.resultsOf(list);
    Map<String, Organization> bodies = organizations.leadingBodies(list.stream().map(Evaluation::getOrgCode).toList());
    Map<String, Organization> orgs = organizations.all().stream()
        .collect(Collectors.toMap(Organization::getCode, Function.identity()));
    Map<String, String> names = organizations.allMembers().stream()
        .collect(Collectors.toMap(Member::getMemberNo, Member::getName));
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      Sheet orgSheet = sheet(workbook, "组织评议结果", ORG_HEADERS, styles);
      Sheet memberSheet = sheet(workbook, "党员评议结果", MEMBER_HEADERS, styles);
      Sheet changeSheet = sheet(workbook, "等次调整", CHANGE_HEADERS, styles);
      Sheet opinionSheet = sheet(workbook, "群众意见建议", OPINION_HEADERS, styles);
      for (Evaluation e : list) {
        Organization org = orgs.get(e.getOrgCode());
        String orgName = org == null ? e.getOrgCode() : org.getName();
        List<EvaluationResult> rs = results.getOrDefault(e.getId(), List.of());
        for (EvaluationResult r : rs) {
          if (!r.isMember()) {
            Row row = next(orgSheet);
            int c = 0;
            set(row, c++, e.getYear(), styles);
            set(row, c++, e.getPhaseId(), styles);
            set(row, c++, org == null ? "" : org.getSystem().label(), styles);
            Organization body = bodies.get(e.getOrgCode());
            set(row, c++, body == null ? "" : body.getName(), styles);
            set(row, c++, orgName, styles);
            set(row, c++, e.getStatus().label(), styles);
            set(row, c++, r.getRated(), styles);
            set(row, c++, r.getElectronicBallots(), styles);
            set(row, c++, r.getPaperBallots(), styles);
            for (Criterion criterion : Criterion.of(false)) {
              set(row, c++, r.getCriterionScores().get(criterion.name()), styles);
            }
            percent(row, c++, r.getRate(), styles);
            set(row, c++, r.getMassScore(), styles);
            set(row, c++, r.getReviewScore(), styles);
            percent(row, c++, r.getFulfilmentRate(), styles);
            set(row, c++, r.getComposite(), styles);
            set(row, c++, r.getProposedGrade() == null ? "" : r.getProposedGrade().label(), styles);
            set(row, c++, r.getGrade() == null ? "" : r.getGrade().label(), styles);
            set(row, c++, r.isCommendable() ? "是" : "否", styles);
            set(row, c, r.getNote(), styles);
          } else {
            Row row = next(memberSheet);
            Map<String, Integer> counts = r.getRatingCounts();
            int c = 0;
            set(row, c++, e.getYear(), styles);
            set(row, c++, orgName, styles);
            set(row, c++, r.getMemberNo(), styles);
            set(row, c++, names.getOrDefault(r.getMemberNo(), ""), styles);
            set(row, c++, r.getRated(), styles);
            for (MemberRating rating : MemberRating.values()) {
              set(row, c++, counts.getOrDefault(rating.name(), 0), styles);
            }
            set(row, c++, counts.getOrDefault(MemberRating.SKIPPED, 0), styles);
            percent(row, c++, r.getRate(), styles);
            set(row, c++, r.getMassScore(), styles);
            set(row, c++, r.getReviewScore(), styles);
            set(row, c++, r.getComposite(), styles);
            set(row, c++, r.getProposedGrade() == null ? "" : r.getProposedGrade().label(), styles);
            set(row, c++, r.getGrade() == null ? "" : r.getGrade().label(), styles);
            set(row, c++, r.isCommendable() ? "是" : "否", styles);
            set(row, c, r.getNote(), styles);
          }
        }
        Map<Long, EvaluationResult> byId = rs.stream().collect(Collectors.toMap(EvaluationResult::getId, r -> r));
        for (GradeChange change : evaluations.changes(e)) {
          EvaluationResult r = byId.get(change.getResultId());
          Row row = next(changeSheet);
          set(row, 0, e.getYear(), styles);
          set(row, 1, orgName, styles);
          set(row, 2, r == null || !r.isMember() ? "本组织" : names.getOrDefault(r.getMemberNo(), r.getMemberNo()), styles);
          set(row, 3, change.getFromGrade().label(), styles);
          set(row, 4, change.getToGrade().label(), styles);
          set(row, 5, change.getReason(), styles);
          set(row, 6, change.getChangedBy(), styles);
          set(row, 7, EvaluationNotices.when(change.getChangedAt()), styles);
        }
        for (String opinion : evaluations.opinions(e)) {
          Row row = next(opinionSheet);
          set(row, 0, e.getYear(), styles);
          set(row, 1, orgName, styles);
          set(row, 2, opinion, styles);
        }
      }
      for (Sheet sheet : List.of(orgSheet, memberSheet, changeSheet, opinionSheet)) {
        for (int i = 0; i < sheet.getRow(0).getLastCellNum(); i++) {
          sheet.setColumnWidth(i, 14 * 256);
        }
      }
      opinionSheet.setColumnWidth(2, 80 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static void percent(Row row, int column, BigDecimal rate, Styles styles) {
    Cell cell = row.createCell(column);
    if (rate == null) {
      cell.setBlank();
    } else {
      cell.setCellValue(rate.doubleValue());
      cell.setCellStyle(styles.percent);
    }
  }

  private static final class Styles {
    /** Text cells that no spreadsheet evaluates. */
    final SpreadsheetText.Cells cells;
    final CellStyle header;
    final CellStyle decimal;
    final CellStyle percent;

    Styles(XSSFWorkbook workbook) {
      cells = new SpreadsheetText.Cells(workbook);
      header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      decimal = workbook.createCellStyle();
      decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      percent = workbook.createCellStyle();
      percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
    }
  }
}
