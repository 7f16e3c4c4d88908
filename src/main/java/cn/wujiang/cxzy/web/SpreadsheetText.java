package cn.wujiang.cxzy.web;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Text that people typed (names, opinions, reasons) written to a CSV or XLSX file so that no spreadsheet
 * evaluates it (CSV/formula injection, OWASP): a cell starting with {@code = + - @}, a tab or a carriage
 * return is a formula or a DDE call to Excel and LibreOffice when opened.
 * <ul>
 * <li>CSV: such a cell gets a leading apostrophe, as OWASP recommends; the spreadsheet shows the text.</li>
 * <li>XLSX: every text is a string cell, which no spreadsheet evaluates; such a cell is also marked
 * quote-prefixed (what Excel does for a typed apostrophe), so that editing it keeps it text.</li>
 * </ul>
 * Every writer of CSV or XLSX files goes through this class.
 */
public final class SpreadsheetText {

  private SpreadsheetText() {
  }

  /** Whether a spreadsheet would take this text for a formula. */
  public static boolean looksLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }

  /** The text for a CSV cell: as it was, or with an apostrophe before it where it looks like a formula. */
  public static String csv(String text) {
    return looksLikeFormula(text) ? "'" + text : text;
  }

  /** The values of a CSV record, each text made safe; other values as they are. */
  public static Object[] csv(Object... values) {
    Object[] safe = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      safe[i] = values[i] instanceof String s ? csv(s) : values[i];
    }
    return safe;
  }

  /** Writes text to the cells of one workbook; keeps one quote-prefixed copy of each style it needs. */
  public static final class Cells {
    private final Workbook workbook;
    private final Map<Integer, CellStyle> quoted = new HashMap<>();

    public Cells(Workbook workbook) {
      this.workbook = workbook;
    }

    /** Sets the cell to the text as a string cell, quote-prefixed where it looks like a formula. */
    public void text(Cell cell, String text) {
      cell.setCellValue(text);
      if (looksLikeFormula(text)) {
        CellStyle style = cell.getCellStyle();
        cell.setCellStyle(quoted.computeIfAbsent(style.getIndex() & 0xFFFF, index -> {
          CellStyle copy = workbook.createCellStyle();
          copy.cloneStyleFrom(style);
          copy.setQuotePrefixed(true);
          return copy;
        }));
      }
    }
  }
}
