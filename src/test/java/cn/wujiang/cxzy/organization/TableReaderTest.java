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
import org.springframework.util.unit.DataSize;
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

  // ---------------------------------------------------------------------------------------------
  // XLSX read as a stream

  @Test
  void sharedInlineNumericAndBooleanCellsReadAsShownAndOnlyTheUsedSharedStringsAreKept() {
    String[] table = new String[5_000];
    java.util.Arrays.fill(table, "<t>未使用的共享字符串</t>");
    table[0] = "<t>党员编号</t>";
    table[4_999] = "<r><t>钱</t></r><r><t>伟民</t></r><rPh sb=\"0\" eb=\"1\"><t>qian</t></rPh>";
    byte[] file = new RawXlsx().sharedStrings(table).sheet(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>岗位</t></is></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>1001</v></c><c r=\"B3\" t=\"s\"><v>4999</v></c>"
            + "<c r=\"C3\" t=\"b\"><v>1</v></c><c r=\"D3\"><v>0.30000000000000004</v></c></row>"
            + "<row r=\"4\"><c r=\"A4\" s=\"1\"/></row>").bytes();

    List<TableReader.Line> lines = TableReader.read(file);

    assertThat(lines).extracting(TableReader.Line::number).as("an empty styled row is no row").containsExactly(1, 3);
    assertThat(lines.get(0).cells()).containsExactly("党员编号", "", "岗位");
    assertThat(lines.get(1).cells()).containsExactly("1001", "钱伟民", "TRUE", "0.3");
  }

  @Test
  void anEmptyFirstSheetReadsAsNoRowsAndAWorkbookWithoutSheetsIsRefused() {
    assertThat(TableReader.read(new RawXlsx().sheet("").bytes())).isEmpty();

    byte[] noSheets = new RawXlsx().part("xl/workbook.xml", RawXlsx.utf8(
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>")).bytes();
    assertRefused(noSheets, "Excel 文件中没有工作表");
  }

  @Test
  void moreRowsThanTheLimitAreRefusedNamingTheLimit() {
    byte[] file = new RawXlsx().sheet(rows(4, 2)).bytes();

    assertRefused(file, limits(3, null, null, null), "文件超过 3 行（行数上限）");
    assertThat(TableReader.read(file, limits(4, null, null, null))).hasSize(4);
  }

  @Test
  void aRowFarDownTheSheetCountsAsThatManyRows() {
    byte[] file = new RawXlsx().sheet(rows(2, 2)
        + "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>").bytes();

    assertRefused(file, "文件超过 20000 行（行数上限）");
  }

  @Test
  void aCellPastTheColumnLimitIsRefusedNamingRowColumnAndLimit() {
    byte[] file = new RawXlsx().sheet(rows(2, 2)
        + "<row r=\"3\"><c r=\"AE3\" t=\"inlineStr\"><is><t>多余</t></is></c></row>").bytes();

    assertRefused(file, "第 3 行第 31 列有内容：导入文件最多 30 列（列数上限）");
  }

  @Test
  void moreCellsThanTheLimitAreRefusedNamingTheLimit() {
    byte[] file = new RawXlsx().sheet(rows(10, 5)).bytes();

    assertRefused(file, limits(null, null, 49, null), "单元格超过 49 个（单元格数上限）");
    assertThat(TableReader.read(file, limits(null, null, 50, null))).hasSize(10);
  }

  @Test
  void anOverlongInlineOrSharedCellIsRefusedNamingRowColumnAndLimit() {
    String longText = "长".repeat(1_001);
    byte[] inline = new RawXlsx().sheet(rows(1, 1)
        + "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + longText + "</t></is></c></row>").bytes();
    byte[] shared = new RawXlsx().sharedStrings("<t>a</t>", "<t>" + longText + "</t>").sheet(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>"
            + "<c r=\"B2\" t=\"s\"><v>1</v></c></row>").bytes();

    assertRefused(inline, "第 2 行第 2 列的内容超过 1000 字（单元格长度上限）");
    assertRefused(shared, "第 2 行第 2 列的内容超过 1000 字（单元格长度上限）");
  }

  @Test
  void aPartLargerThanItsLimitOrAllPartsTogetherLargerThanTheirsAreRefused() {
    byte[] file = new RawXlsx().sheet(rows(2_000, 5)).bytes();

    assertRefused(file, new ImportLimits(null, null, null, null, DataSize.ofKilobytes(64), null, null, null),
        "解压后超过 64 KB（单个部件解压大小上限）");
    assertRefused(file, new ImportLimits(null, null, null, null, null, DataSize.ofKilobytes(64), null, null),
        "解压后超过 64 KB（解压总大小上限）");
  }

  @Test
  void moreZipEntriesThanTheLimitAreRefused() {
    RawXlsx workbook = new RawXlsx().sheet(rows(1, 1));
    for (int i = 0; i < 600; i++) {
      workbook.part("xl/media/image" + i + ".png", new byte[] {1});
    }

    assertRefused(workbook.bytes(), "超过 500 个（压缩包条目数上限）");
  }

  @Test
  void aZipBombIsRefusedByItsCompressionRatioAfterReadingLittleOfIt() {
    // 200 MB of one repeated row inflate from a few hundred KB.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name : List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(utf8("<x/>"));
      }
      zip.putNextEntry(new ZipEntry(RawXlsx.SHEET));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] bomb = out.toByteArray();
    assertThat(bomb.length).isLessThan(1024 * 1024);

    long start = System.nanoTime();
    assertRefused(bomb, "压缩比超过 100 倍（压缩比上限），疑似压缩炸弹");
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(5_000);
  }

  @Test
  void entityExpansionInASheetIsRefusedWithoutExpandingIt() {
    String laughs = "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
        + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
        + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
    byte[] file = new RawXlsx().part(RawXlsx.SHEET, RawXlsx.sheet(laughs,
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>")).bytes();

    assertRefused(file, "不允许的 XML 声明（DOCTYPE 或实体）");
  }

  @Test
  void anExternalEntityInASheetOrTheSharedStringsIsRefusedAndNoFileIsRead() throws IOException {
    java.nio.file.Path secret = java.nio.file.Files.createTempFile("cxzy-secret", ".txt");
    try {
      java.nio.file.Files.writeString(secret, "SECRET-LINE");
      String xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>";
      byte[] inSheet = new RawXlsx().part(RawXlsx.SHEET, RawXlsx.sheet(xxe,
          "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>")).bytes();
      byte[] inSharedStrings = new RawXlsx().sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
          .part(RawXlsx.SHARED_STRINGS, RawXlsx.utf8(xxe + "<sst><si><t>&e;</t></si></sst>")).bytes();

      assertRefused(inSheet, "不允许的 XML 声明（DOCTYPE 或实体）");
      assertRefused(inSharedStrings, "不允许的 XML 声明（DOCTYPE 或实体）");
    } finally {
      java.nio.file.Files.delete(secret);
    }
  }

  @Test
  void aSevenMegabyteSheetOfMillionsOfCellsIsRefusedFast() {
    byte[] file = RawXlsx.millionsOfCells(381_500);
    assertThat(file.length).isBetween(5 * 1024 * 1024, 10 * 1024 * 1024);

    long start = System.nanoTime();
    assertRefused(file, "上限");
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(10_000);
  }

  // ---------------------------------------------------------------------------------------------
  // CSV limits

  @Test
  void aCsvPastTheRowColumnCellOrLengthLimitIsRefusedNamingTheLimit() {
    assertRefused(utf8("a,b\n1,2\n3,4\n4,5\n"), limits(3, null, null, null), "文件超过 3 行（行数上限）");
    assertRefused(utf8("a,b\n" + "x,".repeat(30) + "y\n"), "第 2 行第 31 列有内容：导入文件最多 30 列（列数上限）");
    assertRefused(utf8("a,b\n1,2\n3,4\n"), limits(null, null, 5, null), "单元格超过 5 个（单元格数上限）");
    assertRefused(utf8("a,b\n1,\"" + "长".repeat(11) + "\"\n"), limits(null, null, null, 10),
        "第 2 行第 2 列的内容超过 10 字（单元格长度上限）");
  }

  @Test
  void trailingEmptyCsvColumnsPastTheLimitAreNoContent() {
    List<TableReader.Line> lines = TableReader.read(utf8("a,b" + ",".repeat(40) + "\n1,2" + ",".repeat(40) + "\n"));

    assertThat(lines.get(1).cell(1)).isEqualTo("2");
    assertThat(lines.get(1).cells()).hasSize(30);
  }

  /** Rows of inline-string cells. */
  static String rows(int rows, int columns) {
    StringBuilder xml = new StringBuilder();
    for (int r = 1; r <= rows; r++) {
      xml.append("<row r=\"").append(r).append("\">");
      for (int c = 0; c < columns; c++) {
        xml.append("<c r=\"").append((char) ('A' + c)).append(r).append("\" t=\"inlineStr\"><is><t>v")
            .append(r).append('-').append(c).append("</t></is></c>");
      }
      xml.append("</row>");
    }
    return xml.toString();
  }

  private static ImportLimits limits(Integer rows, Integer columns, Integer cells, Integer cellLength) {
    return new ImportLimits(rows, columns, cells, cellLength, null, null, null, null);
  }

  private static void assertRefused(byte[] file, String messagePart) {
    assertRefused(file, ImportLimits.DEFAULTS, messagePart);
  }

  private static void assertRefused(byte[] file, ImportLimits limits, String messagePart) {
    assertThatThrownBy(() -> TableReader.read(file, limits))
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
