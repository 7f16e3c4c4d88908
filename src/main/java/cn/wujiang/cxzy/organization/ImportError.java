package cn.wujiang.cxzy.organization;

/**
 * One problem in an import file: the row as a spreadsheet numbers it (the header is row 1), the
 * column's key and Chinese name, and what is wrong, in Chinese.
 */
public record ImportError(int row, String column, String columnName, String message) {

  static ImportError ofFile(String message) {
    return new ImportError(0, null, null, message);
  }
}
