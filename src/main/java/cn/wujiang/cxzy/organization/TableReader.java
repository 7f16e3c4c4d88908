package cn.wujiang.cxzy.organization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX file or a UTF-8 CSV file (with or without BOM) into rows of text,
 * streaming: an XLSX is never built as a document in memory, and every limit of {@link ImportLimits} is
 * checked while reading, so that a file past one is refused after reading no more than the limit.
 */
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

  static final String DAMAGED = "无法读取 Excel 文件，文件可能已损坏或不是 .xlsx 格式";

  private TableReader() {
  }

  static List<Line> read(byte[] content) {
    return read(content, ImportLimits.DEFAULTS);
  }

  static List<Line> read(byte[] content, ImportLimits limits) {
    if (content == null || content.length == 0) {
      throw reject("文件为空");
    }
    if (isZip(content)) {
      return new Xlsx(content, limits).read();
    }
    if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw reject("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 UTF-8 编码的 CSV 后再导入");
    }
    return readCsv(content, limits);
  }

  /** Whether the content is a zip archive, as every XLSX file is. */
  static boolean isZip(byte[] content) {
    return content != null && startsWith(content, 0x50, 0x4B, 0x03, 0x04);
  }

  // ---------------------------------------------------------------------------------------------
  // CSV

  private static List<Line> readCsv(byte[] content, ImportLimits limits) {
    int offset = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
    Table table = new Table(limits);
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        table.row(number);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
          String value = record.get(i);
          if (value.indexOf('\0') >= 0) {
            throw reject("文件不是 CSV 或 XLSX 格式");
          }
          if (!value.isEmpty()) {
            table.cell(number, i, value);
          }
          if (i < limits.maxColumns()) {
            cells.add(value);
          }
        }
        table.lines.add(new Line(number, cells));
      }
    } catch (ImportRejectedException e) {
      throw e;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
        throw reject("文件不是 CSV 或 XLSX 格式，或 CSV 不是 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）");
      }
      throw reject("CSV 格式有误（引号未闭合或分隔符错误），请检查文件");
    }
    return table.lines;
  }

  /** The rows read so far and the limits on them, the same for CSV and XLSX. */
  private static final class Table {
    final ImportLimits limits;
    final List<Line> lines = new ArrayList<>();
    int cells;

    Table(ImportLimits limits) {
      this.limits = limits;
    }

    void row(int number) {
      if (number > limits.maxRows()) {
        throw reject("文件超过 " + limits.maxRows() + " 行（行数上限），请分批导入");
      }
    }

    /** A cell with content, at a column counted from 0. */
    void cell(int row, int column, String value) {
      row(row);
      if (column >= limits.maxColumns()) {
        throw reject("第 " + row + " 行第 " + (column + 1) + " 列有内容：导入文件最多 " + limits.maxColumns()
            + " 列（列数上限）");
      }
      if (value.length() > limits.maxCellLength()) {
        throw reject("第 " + row + " 行第 " + (column + 1) + " 列的内容超过 " + limits.maxCellLength()
            + " 字（单元格长度上限）");
      }
      if (++cells > limits.maxCells()) {
        throw reject("文件中有内容的单元格超过 " + limits.maxCells() + " 个（单元格数上限），请分批导入");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // XLSX

  /**
   * An XLSX file read with a SAX parser straight from its zip entries. First every entry is inflated once
   * without being kept, counting entries, sizes and ratios; then the first sheet is read, keeping only the
   * shared-string indices it uses; then only those strings are read from the shared-strings table.
   */
  private static final class Xlsx {
    /** Parts that name other parts (relationships, the workbook) are kept in memory up to this size. */
    private static final int MAX_KEPT_PART = 1024 * 1024;
    /** Below this unzipped size a part's compression ratio does not matter. */
    private static final long RATIO_FLOOR = 1024 * 1024;
    private static final String SHEET_TYPE = "/worksheet";
    private static final String SHARED_STRINGS_TYPE = "/sharedStrings";
    private static final String OFFICE_DOCUMENT_TYPE = "/officeDocument";

    private final byte[] content;
    private final ImportLimits limits;
    private final Map<String, byte[]> kept = new HashMap<>();

    Xlsx(byte[] content, ImportLimits limits) {
      this.content = content;
      this.limits = limits;
    }

    List<Line> read() {
      try {
        scan();
        String workbook = officeDocument();
        byte[] workbookXml = kept.get(key(workbook));
        if (workbookXml == null) {
          throw reject(DAMAGED);
        }
        Map<String, String[]> relations = relations(workbook);
        String firstSheetId = firstSheet(workbookXml);
        if (firstSheetId == null || !relations.containsKey(firstSheetId)) {
          throw reject("Excel 文件中没有工作表");
        }
        String sheet = relations.get(firstSheetId)[1];
        String sharedStrings = relations.values().stream().filter(r -> r[0].endsWith(SHARED_STRINGS_TYPE))
            .map(r -> r[1]).findFirst().orElse(null);
        SheetHandler rows = new SheetHandler(new Table(limits));
        if (!parseEntry(sheet, rows)) {
          throw reject(DAMAGED);
        }
        Map<Integer, String> strings = new HashMap<>();
        if (!rows.sharedIndices.isEmpty()) {
          SharedStringsHandler handler = new SharedStringsHandler(rows.sharedIndices, strings,
              limits.maxCellLength());
          if (sharedStrings == null || !parseEntry(sharedStrings, handler)) {
            throw reject(DAMAGED);
          }
        }
        return rows.lines(strings);
      } catch (ImportRejectedException e) {
        throw e;
      } catch (IOException | SAXException | RuntimeException e) {
        throw reject(DAMAGED);
      }
    }

    /** Inflates every entry once, without keeping it, and refuses the file at the first limit passed. */
    private void scan() throws IOException {
      long total = 0;
      int entries = 0;
      byte[] buffer = new byte[16 * 1024];
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          if (++entries > limits.maxEntries()) {
            throw reject("Excel 文件内含的部件超过 " + limits.maxEntries() + " 个（压缩包条目数上限），已拒绝");
          }
          String name = key(entry.getName());
          ByteArrayOutputStream keep = name.endsWith(".rels") || name.endsWith("workbook.xml")
              ? new ByteArrayOutputStream() : null;
          long size = 0;
          int n;
          while ((n = zip.read(buffer)) > 0) {
            size += n;
            total += n;
            if (size > limits.maxPartSize().toBytes()) {
              throw reject("Excel 文件中的一个部件解压后超过 " + ImportLimits.megabytes(limits.maxPartSize())
                  + "（单个部件解压大小上限），请删除多余的内容或分批导入");
            }
            if (total > limits.maxExpandedSize().toBytes()) {
              throw reject("Excel 文件解压后超过 " + ImportLimits.megabytes(limits.maxExpandedSize())
                  + "（解压总大小上限），请删除多余的内容或分批导入");
            }
            if (total > RATIO_FLOOR && total > (long) limits.maxCompressionRatio() * content.length
                || size > RATIO_FLOOR && entry.getCompressedSize() > 0
                    && size > (long) limits.maxCompressionRatio() * entry.getCompressedSize()) {
              throw bomb();
            }
            if (keep != null) {
              if (keep.size() + n > MAX_KEPT_PART) {
                throw reject(DAMAGED);
              }
              keep.write(buffer, 0, n);
            }
          }
          if (size > RATIO_FLOOR && entry.getCompressedSize() > 0
              && size > (long) limits.maxCompressionRatio() * entry.getCompressedSize()) {
            throw bomb();
          }
          if (keep != null) {
            kept.putIfAbsent(name, keep.toByteArray());
          }
        }
      }
      if (entries == 0) {
        throw reject(DAMAGED);
      }
    }

    private ImportRejectedException bomb() {
      return reject("Excel 文件的压缩比超过 " + limits.maxCompressionRatio() + " 倍（压缩比上限），疑似压缩炸弹，已拒绝");
    }

    /** The workbook part, named by the package's relationships (xl/workbook.xml in every Excel file). */
    private String officeDocument() throws IOException, SAXException {
      byte[] rels = kept.get("_rels/.rels");
      if (rels != null) {
        for (String[] relation : parseRelations(rels, "").values()) {
          if (relation[0].endsWith(OFFICE_DOCUMENT_TYPE)) {
            return relation[1];
          }
        }
      }
      return "xl/workbook.xml";
    }

    /** The workbook's relationships by id: type and the part it points to, resolved against the workbook. */
    private Map<String, String[]> relations(String workbook) throws IOException, SAXException {
      int slash = workbook.lastIndexOf('/');
      String folder = slash < 0 ? "" : workbook.substring(0, slash + 1);
      byte[] rels = kept.get(key(folder + "_rels/" + workbook.substring(slash + 1) + ".rels"));
      if (rels == null) {
        throw reject(DAMAGED);
      }
      return parseRelations(rels, folder);
    }

    private static Map<String, String[]> parseRelations(byte[] xml, String folder) throws IOException, SAXException {
      Map<String, String[]> relations = new HashMap<>();
      parse(new ByteArrayInputStream(xml), new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
          if ("Relationship".equals(localName)) {
            String id = attributes.getValue("Id");
            String type = attributes.getValue("Type");
            String target = attributes.getValue("Target");
            if (id != null && type != null && target != null
                && !"External".equalsIgnoreCase(attributes.getValue("TargetMode"))) {
              relations.putIfAbsent(id, new String[] {type, resolve(folder, target)});
            }
          }
        }
      });
      return relations;
    }

    /** The relationship id of the workbook's first sheet. */
    private static String firstSheet(byte[] workbookXml) throws IOException, SAXException {
      String[] first = new String[1];
      parse(new ByteArrayInputStream(workbookXml), new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
          if ("sheet".equals(localName) && first[0] == null) {
            for (int i = 0; i < attributes.getLength(); i++) {
              if ("id".equals(attributes.getLocalName(i)) && attributes.getURI(i).contains("relationships")) {
                first[0] = attributes.getValue(i);
              }
            }
          }
        }
      });
      return first[0];
    }

    /** Parses one entry with the handler; false if the archive has no such entry. */
    private boolean parseEntry(String name, DefaultHandler handler) throws IOException, SAXException {
      String wanted = key(name);
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          if (key(entry.getName()).equals(wanted)) {
            parse(new Bounded(zip, limits.maxPartSize().toBytes()), handler);
            return true;
          }
        }
      }
      return false;
    }

    private static String resolve(String folder, String target) {
      String path = target.startsWith("/") ? target.substring(1) : folder + target;
      List<String> parts = new ArrayList<>();
      for (String part : path.split("/")) {
        if (part.equals("..")) {
          if (!parts.isEmpty()) {
            parts.remove(parts.size() - 1);
          }
        } else if (!part.isEmpty() && !part.equals(".")) {
          parts.add(part);
        }
      }
      return String.join("/", parts);
    }

    /** Part names of a package are case-insensitive; zip entries may start with a slash. */
    private static String key(String name) {
      String n = name.replace('\\', '/');
      return (n.startsWith("/") ? n.substring(1) : n).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A sheet's cells as they stream by. A cell's text is collected up to one character past the cell
   * limit; shared strings are kept as their index until the table is read.
   */
  private static final class SheetHandler extends DefaultHandler {
    final Table table;
    final Set<Integer> sharedIndices = new HashSet<>();
    private final List<Integer> numbers = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();
    private List<Object> row;
    private int rowNumber;
    private int column = -1;
    private String type;
    private boolean inValue;
    private boolean inInline;
    private boolean inPhonetic;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();

    SheetHandler(Table table) {
      this.table = table;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
      switch (localName) {
        case "row" -> {
          String r = attributes.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : parsePositive(r);
          row = new ArrayList<>();
          column = -1;
        }
        case "c" -> {
          if (row == null) {
            throw new SAXException("cell outside a row");
          }
          String r = attributes.getValue("r");
          column = r == null ? column + 1 : columnOf(r);
          type = attributes.getValue("t");
          value.setLength(0);
          inline.setLength(0);
        }
        case "v" -> inValue = true;
        case "is" -> inInline = true;
        case "rPh" -> inPhonetic = true;
        default -> {
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      StringBuilder target = inValue ? value : inInline && !inPhonetic ? inline : null;
      if (target != null) {
        int room = table.limits.maxCellLength() + 1 - target.length();
        if (room > 0) {
          target.append(ch, start, Math.min(room, length));
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      switch (localName) {
        case "v" -> inValue = false;
        case "is" -> inInline = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> endCell();
        case "row" -> {
          if (row != null && !row.isEmpty()) {
            numbers.add(rowNumber);
            rows.add(row);
          }
          row = null;
        }
        default -> {
        }
      }
    }

    private void endCell() throws SAXException {
      Object cell;
      if ("s".equals(type)) {
        if (value.isEmpty()) {
          return;
        }
        int index = parseIndex(value.toString());
        sharedIndices.add(index);
        cell = index;
      } else {
        String text = switch (type == null ? "n" : type) {
          case "inlineStr" -> inline.toString();
          case "b" -> value.isEmpty() ? "" : "1".equals(value.toString().trim()) ? "TRUE" : "FALSE";
          case "n" -> number(value.toString().trim());
          default -> value.toString();
        };
        if (text.isEmpty()) {
          return;
        }
        cell = text;
      }
      // Shared strings are measured once read; here they count as a cell.
      table.cell(rowNumber, column, cell instanceof String s ? s : "");
      while (row.size() < column) {
        row.add("");
      }
      if (column < row.size()) {
        row.set(column, cell);
      } else {
        row.add(cell);
      }
    }

    /** The rows with their shared strings filled in, checked against the cell length limit. */
    List<Line> lines(Map<Integer, String> strings) {
      List<Line> lines = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        List<String> cells = new ArrayList<>(rows.get(r).size());
        for (Object cell : rows.get(r)) {
          if (cell instanceof Integer index) {
            String text = strings.get(index);
            if (text == null) {
              throw reject(DAMAGED);
            }
            if (text.length() > table.limits.maxCellLength()) {
              throw reject("第 " + numbers.get(r) + " 行第 " + (cells.size() + 1) + " 列的内容超过 "
                  + table.limits.maxCellLength() + " 字（单元格长度上限）");
            }
            cells.add(text);
          } else {
            cells.add((String) cell);
          }
        }
        lines.add(new Line(numbers.get(r), cells));
      }
      return lines;
    }

    private int parsePositive(String text) throws SAXException {
      try {
        int n = Integer.parseInt(text.trim());
        if (n < 1) {
          throw new SAXException("bad row number");
        }
        return n;
      } catch (NumberFormatException e) {
        throw new SAXException("bad row number");
      }
    }

    private static int parseIndex(String text) throws SAXException {
      try {
        int n = Integer.parseInt(text.trim());
        if (n < 0) {
          throw new SAXException("bad shared string index");
        }
        return n;
      } catch (NumberFormatException e) {
        throw new SAXException("bad shared string index");
      }
    }

    /** The column of a reference such as "AB12", counted from 0. */
    private static int columnOf(String reference) throws SAXException {
      int column = 0;
      int letters = 0;
      for (int i = 0; i < reference.length(); i++) {
        char c = Character.toUpperCase(reference.charAt(i));
        if (c < 'A' || c > 'Z') {
          break;
        }
        if (++letters > 3) {
          throw new SAXException("bad cell reference");
        }
        column = column * 26 + (c - 'A' + 1);
      }
      if (letters == 0) {
        throw new SAXException("bad cell reference");
      }
      return column - 1;
    }

    /** A number as Excel shows it in a General cell: whole numbers without ".0", 15 significant digits. */
    private static String number(String text) {
      if (text.isEmpty()) {
        return "";
      }
      try {
        BigDecimal n = new BigDecimal(text);
        if (Math.abs(n.scale()) > 30 || n.precision() > 40) {
          return text;
        }
        return n.round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return text;
      }
    }
  }

  /** The shared strings a sheet uses, by index; the others are read past and dropped. */
  private static final class SharedStringsHandler extends DefaultHandler {
    private final Set<Integer> wanted;
    private final Map<Integer, String> strings;
    private final int maxLength;
    private final StringBuilder text = new StringBuilder();
    private int index = -1;
    private boolean inText;
    private boolean inPhonetic;

    SharedStringsHandler(Set<Integer> wanted, Map<Integer, String> strings, int maxLength) {
      this.wanted = wanted;
      this.strings = strings;
      this.maxLength = maxLength;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (localName) {
        case "si" -> {
          index++;
          text.setLength(0);
        }
        case "t" -> inText = true;
        case "rPh" -> inPhonetic = true;
        default -> {
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText && !inPhonetic && wanted.contains(index)) {
        int room = maxLength + 1 - text.length();
        if (room > 0) {
          text.append(ch, start, Math.min(room, length));
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "t" -> inText = false;
        case "rPh" -> inPhonetic = false;
        case "si" -> {
          if (wanted.contains(index)) {
            strings.put(index, text.toString());
          }
        }
        default -> {
        }
      }
    }
  }

  /**
   * A SAX parser that refuses any DOCTYPE, and so every entity declaration (billion laughs) and every
   * external entity (XXE): a workbook's parts never have one.
   */
  private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
    SAXParser parser;
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      parser = factory.newSAXParser();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("No secure XML parser", e);
    }
    try {
      parser.parse(in, handler);
    } catch (SAXParseException e) {
      if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
        throw reject("Excel 文件中含有不允许的 XML 声明（DOCTYPE 或实体），已拒绝");
      }
      throw e;
    } catch (SAXException e) {
      if (e.getException() instanceof ImportRejectedException rejected) {
        throw rejected;
      }
      throw e;
    }
  }

  /** A zip entry read by the parser: never closes the archive, never reads past the limit. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("part larger than its limit");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the zip stream is closed by its owner
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

  static ImportRejectedException reject(String message) {
    return new ImportRejectedException(List.of(ImportError.ofFile(message)));
  }
}
