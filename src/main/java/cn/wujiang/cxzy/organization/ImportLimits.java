package cn.wujiang.cxzy.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What an import file may hold (cxzy.import.*). A file past any limit is refused before it is read
 * into memory, so that one upload cannot exhaust a node. The defaults hold a whole city's members.
 *
 * @param maxRows rows with content, the header included
 * @param maxColumns columns of a row
 * @param maxCells cells with content in the whole table
 * @param maxCellLength characters of one cell
 * @param maxPartSize unzipped size of one part of an XLSX file (a sheet, the shared strings)
 * @param maxExpandedSize unzipped size of all parts of an XLSX file together
 * @param maxEntries parts (zip entries) of an XLSX file
 * @param maxCompressionRatio unzipped size over zipped size, of the file and of each large part
 */
@ConfigurationProperties("cxzy.import")
public record ImportLimits(Integer maxRows, Integer maxColumns, Integer maxCells, Integer maxCellLength,
    DataSize maxPartSize, DataSize maxExpandedSize, Integer maxEntries, Integer maxCompressionRatio) {

  public static final ImportLimits DEFAULTS = new ImportLimits(null, null, null, null, null, null, null, null);

  public ImportLimits {
    maxRows = positive(maxRows, 20_000);
    maxColumns = positive(maxColumns, 30);
    maxCells = positive(maxCells, 300_000);
    maxCellLength = positive(maxCellLength, 1_000);
    maxPartSize = maxPartSize == null || maxPartSize.toBytes() <= 0 ? DataSize.ofMegabytes(64) : maxPartSize;
    maxExpandedSize = maxExpandedSize == null || maxExpandedSize.toBytes() <= 0
        ? DataSize.ofMegabytes(128) : maxExpandedSize;
    maxEntries = positive(maxEntries, 500);
    maxCompressionRatio = positive(maxCompressionRatio, 100);
  }

  private static Integer positive(Integer value, int fallback) {
    return value == null || value <= 0 ? fallback : value;
  }

  /** Megabytes as a person reads them in a message. */
  static String megabytes(DataSize size) {
    long mb = size.toMegabytes();
    return mb > 0 ? mb + " MB" : size.toKilobytes() + " KB";
  }
}
