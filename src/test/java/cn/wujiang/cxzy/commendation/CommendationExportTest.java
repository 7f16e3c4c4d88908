package cn.wujiang.cxzy.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.MemberRole;
import cn.wujiang.cxzy.organization.OrgSystem;
import cn.wujiang.cxzy.organization.OrgType;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** Imported names reach the commendation list as text no spreadsheet runs. */
class CommendationExportTest {

  @Test
  void formulaLikeNamesAreQuotedTextCells() throws IOException {
    CommendationService commendations = mock(CommendationService.class);
    OrganizationService organizations = mock(OrganizationService.class);
    when(commendations.phaseLabel("p1")).thenReturn("第 1 时段");
    when(organizations.all()).thenReturn(List.of(
        new Organization("zt-x", "=HYPERLINK(\"http://evil.example\",\"点此\")", OrgType.BRANCH,
            OrgSystem.EDUCATION, "edu-bureau", true, "-2+3"),
        new Organization("edu-bureau", "中共吴江市教育局委员会", OrgType.PARTY_COMMITTEE, OrgSystem.EDUCATION,
            "city-office", false, null)));
    when(organizations.allMembers()).thenReturn(List.of(
        new Member("ZT1", "+钱伟民", "zt-x", MemberRole.MEMBER, "教师", null, null)));
    AwardedTitle title = mock(AwardedTitle.class);
    when(title.getOrgCode()).thenReturn("zt-x");
    when(title.getTitle()).thenReturn(Title.OUTSTANDING_MEMBER);
    when(title.isMember()).thenReturn(true);
    when(title.getMemberNo()).thenReturn("ZT1");
    when(title.getCommitteeCode()).thenReturn("edu-bureau");
    when(title.getAwardedAt()).thenReturn(Instant.parse("2027-06-01T02:00:00Z"));

    byte[] xlsx = new CommendationExport(commendations, mock(NomineeChecks.class), organizations)
        .titles("p1", List.of(title));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Row row = workbook.getSheet("表彰名单").getRow(1);
      assertQuotedText(row.getCell(CommendationExport.TITLE_HEADERS.indexOf("表彰对象")), "+钱伟民");
      assertQuotedText(row.getCell(CommendationExport.TITLE_HEADERS.indexOf("所在党组织")),
          "=HYPERLINK(\"http://evil.example\",\"点此\")");
      assertQuotedText(row.getCell(CommendationExport.TITLE_HEADERS.indexOf("单位")), "-2+3");
      Cell committee = row.getCell(CommendationExport.TITLE_HEADERS.indexOf("推荐单位"));
      assertThat(committee.getStringCellValue()).isEqualTo("中共吴江市教育局委员会");
      assertThat(committee.getCellStyle().getQuotePrefixed()).isFalse();
    }
  }

  private static void assertQuotedText(Cell cell, String text) {
    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
    assertThat(cell.getStringCellValue()).isEqualTo(text);
    assertThat(cell.getCellStyle().getQuotePrefixed()).as(text).isTrue();
  }
}
