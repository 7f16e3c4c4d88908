package cn.wujiang.cxzy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * How an H2 file grows under back-to-back small transactions, with the application's settings
 * ({@code WRITE_DELAY=0}) and with other retention times: a table of 100,000 rows, then transactions of
 * five inserts, five updates and five deletes each, the file's size printed every 5,000 transactions.
 *
 * <p>{@code ./mvnw -Pbench verify -Dbench.main=cn.wujiang.cxzy.bench.H2FileGrowth}; system properties
 * {@code bench.transactions} (60,000) and {@code bench.h2Variants} (URL suffixes separated by {@code |}).
 * Writes target/bench/h2-growth.md.
 */
public final class H2FileGrowth {

  /** The settings of the application's H2 URL (application.yaml), which every benchmark on H2 uses. */
  static final String APPLICATION = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  private static final int REPORT_EVERY = 5000;

  private H2FileGrowth() {
  }

  public static void main(String[] args) throws Exception {
    int transactions = Integer.getInteger("bench.transactions", 60_000);
    String[] variants = System.getProperty("bench.h2Variants", "|;RETENTION_TIME=5000|;RETENTION_TIME=1000")
        .split("\\|", -1);
    List<String> rows = new ArrayList<>();
    for (String variant : variants) {
      rows.addAll(run(variant, transactions));
    }
    StringBuilder md = new StringBuilder("| settings after " + APPLICATION + " | transactions | file MB | seconds |\n"
        + "| --- | --- | --- | --- |\n");
    rows.forEach(r -> md.append(r).append('\n'));
    System.out.println(md);
    Files.createDirectories(Path.of("target", "bench"));
    Files.writeString(Path.of("target", "bench", "h2-growth.md"), md.toString());
  }

  private static List<String> run(String variant, int transactions) throws Exception {
    Path dir = Files.createTempDirectory("h2-growth");
    List<String> rows = new ArrayList<>();
    String label = variant.isEmpty() ? "(as the application)" : variant;
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("t") + APPLICATION + variant, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("create table t(id bigint primary key, g int, s varchar(400))");
        s.execute("create index t_g on t(g)");
      }
      c.setAutoCommit(false);
      Random random = new Random(1);
      String pad = "x".repeat(300);
      try (PreparedStatement insert = c.prepareStatement("insert into t values(?, ?, ?)");
          PreparedStatement update = c.prepareStatement("update t set s = ? where id = ?");
          PreparedStatement delete = c.prepareStatement("delete from t where id = ?")) {
        long next = 0;
        for (; next < 100_000; next++) {
          insert.setLong(1, next);
          insert.setInt(2, random.nextInt(1000));
          insert.setString(3, pad);
          insert.addBatch();
          if (next % 1000 == 999) {
            insert.executeBatch();
            c.commit();
          }
        }
        long oldest = 0;
        long start = System.nanoTime();
        for (int tx = 1; tx <= transactions; tx++) {
          for (int i = 0; i < 5; i++) {
            insert.setLong(1, next++);
            insert.setInt(2, random.nextInt(1000));
            insert.setString(3, pad);
            insert.executeUpdate();
          }
          for (int i = 0; i < 5; i++) {
            update.setString(1, pad + tx);
            update.setLong(2, oldest + random.nextInt((int) (next - oldest)));
            update.executeUpdate();
          }
          for (int i = 0; i < 5; i++) {
            delete.setLong(1, oldest++);
            delete.executeUpdate();
          }
          c.commit();
          if (tx % REPORT_EVERY == 0) {
            String row = String.format("| %s | %,d | %,d | %.1f |", label, tx,
                Files.size(dir.resolve("t.mv.db")) >> 20, (System.nanoTime() - start) / 1e9);
            System.out.println(row);
            rows.add(row);
          }
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return rows;
  }
}
