package cn.wujiang.cxzy.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The 7 MB workbook of 2.67 million cells that took a node down, read in a JVM of its own with a 96 MB
 * heap: a whole-document reader needs more than 1 GB for it and dies there; the streaming reader
 * refuses it by its row limit and the JVM ends normally.
 */
class TableReaderSmallHeapTest {

  static final String HEAP = "-Xmx96m";

  @Test
  void theWorkbookThatTookANodeDownIsRefusedInA96MegabyteHeap() throws IOException, InterruptedException {
    Path output = Files.createTempFile("cxzy-small-heap", ".txt");
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
          "-cp", System.getProperty("java.class.path"), TableReaderSmallHeapTest.class.getName())
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      boolean ended = child.waitFor(180, TimeUnit.SECONDS);
      if (!ended) {
        child.destroyForcibly();
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);

      assertThat(ended).as("the reading JVM ended in time").isTrue();
      assertThat(child.exitValue()).as(printed).isZero();
      assertThat(printed).contains("refused: 文件超过 20000 行（行数上限），请分批导入");
      System.out.println(printed);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Run in the child JVM: builds the workbook, reads it, prints the refusal and the time it took. */
  public static void main(String[] args) {
    byte[] file = RawXlsx.millionsOfCells(381_500);
    long start = System.nanoTime();
    try {
      List<TableReader.Line> lines = TableReader.read(file);
      System.out.println("read " + lines.size() + " lines");
      System.exit(1);
    } catch (ImportRejectedException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.println("refused: " + e.errors().get(0).message());
      System.out.println("file " + file.length + " bytes, refused after " + ms + " ms, max heap "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }
  }
}
