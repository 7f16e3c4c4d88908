package cn.wujiang.cxzy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.wujiang.cxzy.CxzyApplication;
import cn.wujiang.cxzy.campaign.CampaignProcess;
import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.organization.ImportService;

/**
 * The phase's fan-out alone: for a synthetic city of N grassroots organizations, the time from the
 * city office's start of a phase until every organization's cycle is running, the jobs run one after
 * the other as one job executor thread would; then, for the sizes in {@code bench.endSizes}, the city
 * office's early end: the time its request takes, and the time until every cycle has ended.
 *
 * <p>{@code ./mvnw -Pbench verify -Dbench.main=cn.wujiang.cxzy.bench.FanOutBenchmark
 * -Dbench.sizes=pg:500,pg:2000} (docs/performance.md); {@code bench.runs} runs per size (the table
 * shows medians), {@code bench.endSizes} (default 2000), {@code bench.members} members per organization
 * (default 10 to 20, as {@link PhaseBenchmark}). PostgreSQL sizes use CXZY_BENCH_POSTGRES_URL, _USER and
 * _PASSWORD; that database is emptied first. Where that PostgreSQL runs with autovacuum off, the
 * benchmark analyzes the tables itself after the import and every {@code bench.analyzeEvery} jobs (250),
 * as autovacuum would: unanalyzed tables give the engine's queries plans that no city would see.
 */
public final class FanOutBenchmark {

  private static final Path OUT = Path.of("target", "bench");

  private FanOutBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    List<String> sizes = List.of(System.getProperty("bench.sizes", "pg:500,pg:2000").split(","));
    int runs = Integer.getInteger("bench.runs", 1);
    List<Integer> endSizes = Arrays.stream(System.getProperty("bench.endSizes", "2000").split(","))
        .filter(s -> !s.isBlank()).map(s -> Integer.valueOf(s.trim())).toList();
    Integer members = Integer.getInteger("bench.members");
    Files.createDirectories(OUT);
    StringBuilder md = new StringBuilder("| database | organizations | runs | fan-out s (runs) | jobs | "
        + "end request s | all cycles ended s |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    for (String size : sizes) {
      String[] parts = size.trim().split(":");
      int orgs = Integer.parseInt(parts[1]);
      List<Map<String, Object>> measured = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        System.out.printf("%n== fan-out, %s, %d organizations, run %d of %d ==%n", parts[0], orgs, run, runs);
        Map<String, Object> m = measure(parts[0], orgs, endSizes.contains(orgs), members);
        System.out.println(m);
        measured.add(m);
        System.gc();
      }
      Map<String, Object> median = PhaseBenchmark.median(measured);
      String each = String.join(", ", measured.stream()
          .map(m -> String.format("%.1f", ((Number) m.get("fanOutSeconds")).doubleValue())).toList());
      md.append(String.format("| %s | %d | %d | %.1f (%s) | %.0f | %s | %s |%n", parts[0], orgs, runs,
          ((Number) median.get("fanOutSeconds")).doubleValue(), each, ((Number) median.get("jobs")).doubleValue(),
          format(median.get("endRequestSeconds")), format(median.get("endSeconds"))));
    }
    System.out.println();
    System.out.println(md);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Files.writeString(OUT.resolve("fanout-" + stamp + ".md"), md);
    Files.writeString(OUT.resolve("fanout-latest.md"), md);
    System.exit(0);
  }

  private static String format(Object seconds) {
    return seconds == null ? "" : String.format("%.1f", ((Number) seconds).doubleValue());
  }

  private static Map<String, Object> measure(String db, int orgs, boolean end, Integer members) throws Exception {
    String[] connection = database(db, orgs);
    Map<String, Object> m = new LinkedHashMap<>();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CxzyApplication.class).profiles("demo").run(
        "--spring.datasource.url=" + connection[0], "--spring.datasource.username=" + connection[1],
        "--spring.datasource.password=" + connection[2], "--server.port=0", "--cxzy.demo.load=false",
        "--camunda.bpm.job-execution.enabled=false", "--spring.main.banner-mode=off",
        "--logging.level.root=WARN", "--logging.level.cn.wujiang.cxzy=WARN");
    try {
      long t = System.nanoTime();
      Random random = new Random(orgs);
      int loaded = members == null ? SyntheticCity.load(context.getBean(ImportService.class), orgs, random)
          : SyntheticCity.load(context.getBean(ImportService.class), orgs, random, members, members);
      System.out.printf("city: %d organizations, %d members, %.1f s%n", orgs, loaded, PhaseBenchmark.seconds(t));
      Runnable analyze = analyzer(db, context);
      analyze.run();
      RuntimeService runtime = context.getBean(RuntimeService.class);
      ManagementService management = context.getBean(ManagementService.class);
      IdentityService identity = context.getBean(IdentityService.class);
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(CampaignProcess.Field.NUMBER, 1);
      variables.put(CampaignProcess.Field.THEME, "推动科学发展、促进社会和谐、服务人民群众、加强基层组织");
      variables.put(CampaignProcess.Field.START_DATE, LocalDate.now().toString());
      variables.put(CampaignProcess.Field.END_DATE, LocalDate.now().plusMonths(6).toString());
      t = System.nanoTime();
      String root;
      try {
        identity.setAuthentication(SyntheticCity.OFFICE_USER, PhaseBenchmark.groups(identity, SyntheticCity.OFFICE_USER));
        root = runtime.startProcessInstanceByKey(CampaignProcess.KEY, variables).getId();
      } finally {
        identity.clearAuthentication();
      }
      String phaseId = (String) runtime.getVariable(root, CampaignProcess.Var.PHASE_ID);
      int jobs = runJobsUntil(management, () -> cycles(runtime) >= orgs, analyze);
      m.put("fanOutSeconds", PhaseBenchmark.seconds(t));
      m.put("jobs", jobs);
      System.out.printf("fan-out: %d cycles running, %d jobs, %.1f s%n", cycles(runtime), jobs, PhaseBenchmark.seconds(t));
      if (end) {
        t = System.nanoTime();
        context.getBean(CampaignService.class).endEarly(phaseId, SyntheticCity.OFFICE_USER, "基准测试：提前结束");
        m.put("endRequestSeconds", PhaseBenchmark.seconds(t));
        int endJobs = runJobsUntil(management, () -> cycles(runtime) == 0, analyze);
        m.put("endSeconds", PhaseBenchmark.seconds(t));
        m.put("endJobs", endJobs);
        System.out.printf("end: request %.1f s, every cycle ended after %.1f s, %d jobs%n",
            (Double) m.get("endRequestSeconds"), (Double) m.get("endSeconds"), endJobs);
      }
    } finally {
      context.close();
    }
    return m;
  }

  private static long cycles(RuntimeService runtime) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY).count();
  }

  /** ANALYZE where PostgreSQL's autovacuum is off (nothing otherwise). */
  private static Runnable analyzer(String db, ConfigurableApplicationContext context) {
    if (!"pg".equals(db)) {
      return () -> { };
    }
    org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
        context.getBean(javax.sql.DataSource.class));
    if (!"off".equals(jdbc.queryForObject("show autovacuum", String.class))) {
      return () -> { };
    }
    System.out.println("PostgreSQL runs with autovacuum off: the benchmark analyzes the tables itself");
    return () -> jdbc.execute("analyze");
  }

  /** Runs the due asynchronous continuations, 200 at a time, until the condition holds. */
  private static int runJobsUntil(ManagementService management, java.util.function.BooleanSupplier done,
      Runnable analyze) {
    int every = Integer.getInteger("bench.analyzeEvery", 250);
    int count = 0;
    int analyzedAt = 0;
    while (!done.getAsBoolean()) {
      if (count - analyzedAt >= every) {
        analyze.run();
        analyzedAt = count;
      }
      List<Job> due = management.createJobQuery().executable().messages().listPage(0, 200);
      if (due.isEmpty()) {
        throw new IllegalStateException("no job left to run, and not done");
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException e) {
          // run again in the next round
        }
        count++;
      }
    }
    return count;
  }

  private static String[] database(String db, int orgs) throws Exception {
    if ("pg".equals(db)) {
      String url = System.getenv("CXZY_BENCH_POSTGRES_URL");
      if (url == null) {
        throw new IllegalStateException("pg sizes need CXZY_BENCH_POSTGRES_URL, _USER, _PASSWORD");
      }
      String user = System.getenv().getOrDefault("CXZY_BENCH_POSTGRES_USER", "cxzy");
      String password = System.getenv().getOrDefault("CXZY_BENCH_POSTGRES_PASSWORD", "");
      try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
        s.execute("drop schema public cascade");
        s.execute("create schema public");
      }
      return new String[] {url, user, password};
    }
    Path dir = OUT.resolve("fanout-h2-" + orgs).toAbsolutePath();
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
    return new String[] {"jdbc:h2:file:" + dir.resolve("cxzy") + System.getProperty("bench.h2",
        H2FileGrowth.APPLICATION), "sa", ""};
  }
}
