package cn.wujiang.cxzy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableReaderTest {

  @Test
  void aCsvSavedByExcelAsUtf8WithBomReadsWithoutTheBom() {
    byte[] file = utf8("\uFEFFcode,name\r\nsl-zx,松陵镇启明初级中学党支部\r\n");

    List<TableReader.Line> lines = TableReader.read(file);

    assertThat(lines).extracting(TableReader.Line::number).containsExactly(1, 2);
    assertThat(lines.get(0).cell(0)).isEqualTo("code");
    assertThat(lines.get(1).cells()).containsExactly("sl-zx", "松陵镇启明初级中学党支部");
  }

  @Test
  void aCsvWithoutBomReadsTheSame() {
    List<TableReader.Line> lines = TableReader.read(utf8("编码,名称\nsl-zx,松陵镇启明初级中学党支部\n"));

    assertThat(lines.get(0).cells()).containsExactly("编码", "名称");
    assertThat(lines.get(1).cells()).containsExactly("sl-zx", "松陵镇启明初级中学党支部");
  }

  @Test
  void quotedCellsKeepTheirCommasAndCellsAreTrimmed() {
    List<TableReader.Line> lines = TableReader.read(utf8("a,b\n\"数学, 物理教师\",  sl-zx  \n"));

    assertThat(lines.get(1).cell(0)).isEqualTo("数学, 物理教师");
    assertThat(lines.get(1).cell(1)).isEqualTo("sl-zx");
    assertThat(lines.get(1).cell(5)).as("a cell beyond the row is empty").isEmpty();
  }

  @Test
  void blankLinesKeepTheRowNumbersThePersonSeesInTheFile() {
    List<TableReader.Line> lines = TableReader.read(utf8("a,b\n\nx,y\n"));

    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).isBlank()).isTrue();
    assertThat(lines.get(2).number()).isEqualTo(3);
  }

  @Test
  void anXlsxIsReadFromItsFirstSheetWithNumbersAsShownAndSpreadsheetRowNumbers() throws IOException {
    byte[] file;
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("党员");
      XSSFRow head = sheet.createRow(0);
      head.createCell(0).setCellValue("党员编号");
      head.createCell(1).setCellValue("姓名");
      XSSFRow row = sheet.createRow(3); // rows 2 and 3 left empty
      row.createCell(0).setCellValue(1001);
      row.createCell(1).setCellValue("钱伟民");
      workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("不应读取");
      file = bytes(workbook);
    }

    List<TableReader.Line> lines = TableReader.read(file);

    assertThat(lines).extracting(TableReader.Line::number).containsExactly(1, 4);
    assertThat(lines.get(0).cells()).containsExactly("党员编号", "姓名");
    assertThat(lines.get(1).cells()).containsExactly("1001", "钱伟民");
  }

  @Test
  void aPngIsRefusedAsNeitherCsvNorXlsx() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    assertRefused(png, "文件不是 CSV 或 XLSX 格式");
  }

  @Test
  void randomBytesAreRefusedAsNeitherCsvNorXlsx() {
    byte[] noise = new byte[2048];
    new Random(20100819).nextBytes(noise);
    noise[0] = (byte) 0xFF; // never the start of a zip, an .xls or UTF-8 text

    assertRefused(noise, "文件不是 CSV 或 XLSX 格式");
  }

  @Test
  void aCsvSavedInGbkIsRefusedWithAHintToSaveAsUtf8() {
    byte[] gbk = "编码,名称\nsl-zx,松陵镇启明初级中学党支部\n".getBytes(Charset.forName("GBK"));

    assertRefused(gbk, "CSV UTF-8");
  }

  @Test
  void anOldExcelFileIsRefusedWithAHintToSaveAsXlsx() {
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    assertRefused(xls, ".xlsx");
  }

  @Test
  void aZipThatIsNoWorkbookIsRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write(utf8("not a workbook"));
      zip.closeEntry();
    }

    assertRefused(out.toByteArray(), "无法读取 Excel 文件");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertRefused(new byte[0], "文件为空");
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertRefused(utf8("a,b\n\"sl-zx,松陵\n"), "CSV 格式有误");
  }

  private static void assertRefused(byte[] file, String messagePart) {
    assertThatThrownBy(() -> TableReader.read(file))
        .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
          assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).contains(messagePart);
          });
          assertThat(e.getMessage()).contains("未保存任何数据");
        });
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(XSSFWorkbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return out.toByteArray();
  }
}
