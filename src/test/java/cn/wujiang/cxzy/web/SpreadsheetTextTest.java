package cn.wujiang.cxzy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"点此\")", "+1+2", "-2+3", "@SUM(A1:A2)",
      "\t=1", "\r=1", "=cmd|' /C calc'!A0"})
  void aFormulaLikeCsvCellGetsAnApostropheAndAnXlsxCellStaysQuotedText(String text) throws IOException {
    assertThat(SpreadsheetText.csv(text)).isEqualTo("'" + text);
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Cell cell = workbook.createSheet().createRow(0).createCell(0);
      new SpreadsheetText.Cells(workbook).text(cell, text);

      assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
      assertThat(cell.getStringCellValue()).isEqualTo(text);
      assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"钱伟民", "a=b", "100", "同里镇-古镇", " =1", ""})
  void otherTextIsWrittenAsItIs(String text) throws IOException {
    assertThat(SpreadsheetText.csv(text)).isEqualTo(text);
    assertThat(SpreadsheetText.csv((Object) text, 3)).containsExactly(text, 3);
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Cell cell = workbook.createSheet().createRow(0).createCell(0);
      new SpreadsheetText.Cells(workbook).text(cell, text);

      assertThat(cell.getStringCellValue()).isEqualTo(text);
      assertThat(cell.getCellStyle().getQuotePrefixed()).isFalse();
    }
  }
}
