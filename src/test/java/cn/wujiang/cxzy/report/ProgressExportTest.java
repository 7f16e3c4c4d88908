package cn.wujiang.cxzy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.Phase;
import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.organization.OrgSystem;
import cn.wujiang.cxzy.organization.OrgType;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** Names and task names reach the progress workbook as text no spreadsheet runs. */
class ProgressExportTest {

  @Test
  void formulaLikeNamesAreQuotedTextCells() throws IOException {
    ProgressService progress = mock(ProgressService.class);
    CampaignService campaign = mock(CampaignService.class);
    OrganizationService organizations = mock(OrganizationService.class);
    CurrentUser currentUser = mock(CurrentUser.class);
    Phase phase = mock(Phase.class);
    when(phase.getId()).thenReturn("p1");
    when(campaign.all()).thenReturn(List.of(phase));
    when(currentUser.isCityOffice()).thenReturn(true);
    when(currentUser.asSystem(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
    Organization body = new Organization("zt-town", "=HYPERLINK(\"http://evil.example\",\"点此\")",
        OrgType.PARTY_COMMITTEE, OrgSystem.GENERAL, "city-office", false, null);
    when(organizations.leadingBodies()).thenReturn(List.of(body));
    when(progress.progress("p1", List.of(body))).thenReturn(new ProgressService.Progress(List.of("公开承诺"),
        List.of(new ProgressService.BodyProgress(body, Map.of("公开承诺", 1), 1)),
        List.of(new ProgressService.OverdueTask("-1+1", "@SUM(A1)", "+制定承诺", new Date(), "钱伟民"))));

    byte[] xlsx = new ProgressController(progress, campaign, organizations, currentUser).excel(null).getBody();

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertQuotedText(workbook.getSheet("各单位进度").getRow(1).getCell(0), body.getName());
      Row late = workbook.getSheet("逾期任务").getRow(1);
      assertQuotedText(late.getCell(0), "-1+1");
      assertQuotedText(late.getCell(1), "@SUM(A1)");
      assertQuotedText(late.getCell(2), "+制定承诺");
      assertThat(late.getCell(4).getStringCellValue()).isEqualTo("钱伟民");
      assertThat(late.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
    }
  }

  private static void assertQuotedText(Cell cell, String text) {
    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
    assertThat(cell.getStringCellValue()).isEqualTo(text);
    assertThat(cell.getCellStyle().getQuotePrefixed()).as(text).isTrue();
  }
}
