package cn.wujiang.cxzy.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the first sheet of an XLSX file or a UTF-8 CSV file (with or without BOM) into rows of text. */
final class TableReader {

  /** A row of cells and its number as a spreadsheet shows it. */
  record Line(int number, List<String> cells) {

    String cell(int index) {
      if (index >= cells.size()) {
        return "";
      }
      String value = cells.get(index);
      return value == null ? "" : value.trim();
    }

    boolean isBlank() {
      return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
  }

  static final int MAX_ROWS = 100_000;

  private TableReader() {
  }

  static List<Line> read(byte[] content) {
    if (content == null || content.length == 0) {
      throw reject("文件为空");
    }
    if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
      return readXlsx(content);
    }
    if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw reject("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 UTF-8 编码的 CSV 后再导入");
    }
    return readCsv(content);
  }

  private static List<Line> readCsv(byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw reject("文件不是 CSV 或 XLSX 格式，或 CSV 不是 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）");
    }
    if (text.indexOf('\0') >= 0) {
      throw reject("文件不是 CSV 或 XLSX 格式");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Line> lines = new ArrayList<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
        .parse(new StringReader(text))) {
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        if (number > MAX_ROWS) {
          throw reject("文件超过 " + MAX_ROWS + " 行，请分批导入");
        }
        lines.add(new Line(number, record.toList()));
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw reject("CSV 格式有误（引号未闭合或分隔符错误），请检查文件");
    }
    return lines;
  }

  private static List<Line> readXlsx(byte[] content) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw reject("Excel 文件中没有工作表");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      List<Line> lines = new ArrayList<>();
      for (Row row : sheet) {
        if (row.getRowNum() >= MAX_ROWS) {
          throw reject("文件超过 " + MAX_ROWS + " 行，请分批导入");
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
          Cell cell = row.getCell(i);
          cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        lines.add(new Line(row.getRowNum() + 1, cells));
      }
      return lines;
    } catch (ImportRejectedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw reject("无法读取 Excel 文件，文件可能已损坏或不是 .xlsx 格式");
    }
  }

  private static boolean startsWith(byte[] content, int... prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((content[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static ImportRejectedException reject(String message) {
    return new ImportRejectedException(List.of(ImportError.ofFile(message)));
  }
}
