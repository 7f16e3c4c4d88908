package cn.wujiang.cxzy.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX files written part by part, as a hostile client could craft them: a sheet of millions of cells,
 * a zip bomb, a part with a DOCTYPE. Nothing here goes through POI, so the files can be anything.
 */
final class RawXlsx {

  static final String SHEET = "xl/worksheets/sheet1.xml";
  static final String SHARED_STRINGS = "xl/sharedStrings.xml";

  private final Map<String, byte[]> parts = new LinkedHashMap<>();

  RawXlsx() {
    parts.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "</Types>"));
    parts.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"));
    parts.put("xl/workbook.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
    parts.put("xl/_rels/workbook.xml.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "</Relationships>"));
  }

  /** A sheet whose sheetData is the given XML. */
  RawXlsx sheet(String sheetData) {
    return part(SHEET, sheet(null, sheetData));
  }

  static byte[] sheet(String prolog, String sheetData) {
    return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + (prolog == null ? "" : prolog)
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + sheetData + "</sheetData></worksheet>");
  }

  /** A shared-strings table of the given items (the XML of each si's content). */
  RawXlsx sharedStrings(String... items) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    for (String item : items) {
      xml.append("<si>").append(item).append("</si>");
    }
    return part(SHARED_STRINGS, utf8(xml.append("</sst>").toString()));
  }

  RawXlsx part(String name, byte[] content) {
    parts.put(name, content);
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A workbook of about 7 MB whose one sheet holds {@code rows} rows of 7 numeric cells each (53 MB of
   * XML for 381,500 rows: 2.67 million cells), written
   * to the zip as it is generated, so that the test itself never holds the sheet's XML.
   */
  static byte[] millionsOfCells(int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024 * 1024);
    RawXlsx frame = new RawXlsx();
    Random random = new Random(2_670_000);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> part : frame.parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue());
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(SHEET));
      Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      StringBuilder row = new StringBuilder();
      for (int r = 1; r <= rows; r++) {
        row.setLength(0);
        row.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < 7; c++) {
          row.append("<c><v>").append(random.nextInt(1000)).append("</v></c>");
        }
        xml.write(row.append("</row>").toString());
      }
      xml.write("</sheetData></worksheet>");
      xml.flush();
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
