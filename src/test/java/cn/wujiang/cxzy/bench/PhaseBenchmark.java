package cn.wujiang.cxzy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractActivityBuilder;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.wujiang.cxzy.CxzyApplication;
import cn.wujiang.cxzy.campaign.CampaignProcess;
import cn.wujiang.cxzy.demo.PhaseSimulator;
import cn.wujiang.cxzy.organization.ImportService;
import cn.wujiang.cxzy.supervision.SpotCheckDraw;
import cn.wujiang.cxzy.supervision.SupervisionProcess;
import cn.wujiang.cxzy.supervision.SupervisionService;

/**
 * Runs one whole phase for a synthetic city of N grassroots organizations, in-process, and measures it
 * against the engine's own floor in the same run: the same number of process instances and user tasks
 * in a trivial BPMN with no listeners, delegates or domain writes. Then times a committee's Tasklist
 * query (its open tasks, first page, newest first, authorization on) with 5,000 open tasks for it,
 * against the floor's same query. Prints one table and writes it to target/bench/ as Markdown and JSON.
 *
 * <p>{@code ./mvnw -Pbench verify} (see README); system properties: {@code bench.sizes} (for example
 * {@code h2:100,h2:500,h2:2000,pg:500}), {@code bench.runs} (runs per size; the table shows medians),
 * {@code bench.ballots} (ballots per organization and evaluation), {@code bench.queryTasks},
 * {@code bench.h2} (the H2 URL's settings: the application's, with H2's result cache off, unless given).
 * PostgreSQL sizes use CXZY_BENCH_POSTGRES_URL, _USER and _PASSWORD; that database is emptied first.
 */
public final class PhaseBenchmark {

  private static final Path OUT = Path.of("target", "bench");
  private static final String FLOOR_KEY = "benchFloor";
  private static final String FLOOR_QUERY_KEY = "benchFloorQuery";
  private static final String FLOOR_GROUP = "bench-floor-committee";
  private static final String FLOOR_USER = "bench-floor-user";
  private static final String FLOOR_ROBOTS = "bench-robots";
  private static final String FLOOR_ROBOT = "bench-robot";

  private PhaseBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    List<String> sizes = List.of(System.getProperty("bench.sizes", "h2:100,h2:500,h2:2000,pg:500").split(","));
    int runs = Integer.getInteger("bench.runs", 1);
    int ballots = Integer.getInteger("bench.ballots", 10);
    int queryTasks = Integer.getInteger("bench.queryTasks", 5000);
    Files.createDirectories(OUT);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String size : sizes) {
      String[] parts = size.trim().split(":");
      List<Map<String, Object>> measured = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        System.out.printf("%n== %s, %s organizations, run %d of %d ==%n", parts[0], parts[1], run, runs);
        measured.add(new PhaseBenchmark.Run(parts[0], Integer.parseInt(parts[1]), ballots, queryTasks).measure());
        System.gc();
      }
      rows.add(median(measured));
    }
    String table = table(rows, runs, ballots, queryTasks);
    System.out.println();
    System.out.println(table);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Files.writeString(OUT.resolve("bench-" + stamp + ".md"), table);
    Files.writeString(OUT.resolve("bench-latest.md"), table);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runsPerSize", runs);
    doc.put("ballotsPerOrganization", ballots);
    doc.put("queryOpenTasks", queryTasks);
    doc.put("cores", Runtime.getRuntime().availableProcessors());
    doc.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1 << 20));
    doc.put("sizes", rows);
    json.writeValue(OUT.resolve("bench-" + stamp + ".json").toFile(), doc);
    json.writeValue(OUT.resolve("bench-latest.json").toFile(), doc);
    System.out.println("Written to " + OUT.resolve("bench-" + stamp + ".md") + " and .json");
    System.exit(0);
  }

  /** One size, one run: a fresh database, a fresh application context. */
  static final class Run {
    private final String db;
    private final int orgs;
    private final int ballots;
    private final int queryTasks;
    private final Map<String, Object> m = new LinkedHashMap<>();
    private final StatementCounter statements = new StatementCounter();
    private ConfigurableApplicationContext context;
    private String phaseId;

    Run(String db, int orgs, int ballots, int queryTasks) {
      this.db = db;
      this.orgs = orgs;
      this.ballots = ballots;
      this.queryTasks = queryTasks;
    }

    Map<String, Object> measure() throws Exception {
      m.put("database", db);
      m.put("organizations", orgs);
      String[] connection = prepareDatabase();
      HeapPeak.reset();
      long t = System.nanoTime();
      context = new SpringApplicationBuilder(CxzyApplication.class).profiles("demo")
          .initializers(c -> c.getBeanFactory().addBeanPostProcessor(countStatements())).run(
          "--spring.datasource.url=" + connection[0], "--spring.datasource.username=" + connection[1],
          "--spring.datasource.password=" + connection[2], "--server.port=0", "--cxzy.demo.load=false",
          "--camunda.bpm.job-execution.enabled=false", "--cxzy.evaluation.window=PT3H",
          "--spring.main.banner-mode=off",
          "--logging.level.root=WARN", "--logging.level.cn.wujiang.cxzy=WARN");
      m.put("startupSeconds", seconds(t));
      try {
        t = System.nanoTime();
        int members = SyntheticCity.load(context.getBean(ImportService.class), orgs, new Random(orgs));
        m.put("members", members);
        m.put("importSeconds", seconds(t));
        Map<String, Long> before = statements.snapshot();
        phase();
        Map<String, Long> phase = perTask(before, statements.snapshot(), (Integer) m.get("userTasks"));
        m.put("databaseMb", databaseMb(connection[0]));
        m.put("peakHeapMb", HeapPeak.mb());
        putCounts("", phase);
        Map<String, Map<String, Long>> floors = new LinkedHashMap<>();
        for (Floor shape : FLOORS) {
          before = statements.snapshot();
          long tasks = floor(shape);
          Map<String, Long> floor = perTask(before, statements.snapshot(), (int) tasks);
          putCounts(shape.prefix, floor);
          floors.put(shape.prefix, floor);
        }
        m.put("statementsByKind", byKind(phase, floors.get(Floor.TRIVIAL.prefix),
            floors.getOrDefault(Floor.PERSON.prefix, Map.of())));
        query();
      } finally {
        context.close();
      }
      return m;
    }

    /** Wraps the application's data source so that its statements are counted. */
    private BeanPostProcessor countStatements() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource source && "dataSource".equals(name) ? statements.wrap(source) : bean;
        }
      };
    }

    /** Statements of each kind per 100 user tasks between two snapshots. */
    private static Map<String, Long> perTask(Map<String, Long> before, Map<String, Long> after, int tasks) {
      Map<String, Long> out = new LinkedHashMap<>();
      after.forEach((kind, n) -> {
        long per100 = Math.round((n - before.getOrDefault(kind, 0L)) * 100.0 / tasks);
        if (per100 > 0) {
          out.put(kind, per100);
        }
      });
      return out;
    }

    /** Commits, writing commits and statements per user task, under the figure names of a prefix. */
    private void putCounts(String prefix, Map<String, Long> perTask) {
      m.put(name(prefix, "commitsPerTask"), perTask.getOrDefault(StatementCounter.COMMIT, 0L) / 100.0);
      m.put(name(prefix, "writingCommitsPerTask"), perTask.getOrDefault(StatementCounter.WRITING_COMMIT, 0L) / 100.0);
      perTask.remove(StatementCounter.COMMIT);
      perTask.remove(StatementCounter.WRITING_COMMIT);
      m.put(name(prefix, "statementsPerTask"), perTask.values().stream().mapToLong(Long::longValue).sum() / 100.0);
    }

    /**
     * Kind → statements per user task of the phase, of the floor and of the shaped floor (zero where it
     * did not run), the phase's largest first.
     */
    private static Map<String, double[]> byKind(Map<String, Long> phase, Map<String, Long> floor,
        Map<String, Long> shaped) {
      Map<String, double[]> out = new LinkedHashMap<>();
      phase.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
          out.put(e.getKey(), new double[] {e.getValue() / 100.0, floor.getOrDefault(e.getKey(), 0L) / 100.0,
              shaped.getOrDefault(e.getKey(), 0L) / 100.0}));
      floor.forEach((kind, n) -> out.putIfAbsent(kind, new double[] {0, n / 100.0,
          shaped.getOrDefault(kind, 0L) / 100.0}));
      shaped.forEach((kind, n) -> out.putIfAbsent(kind, new double[] {0, 0, n / 100.0}));
      return out;
    }

    private String[] prepareDatabase() throws IOException, SQLException {
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
          try (ResultSet rs = s.executeQuery("show autovacuum")) {
            if (rs.next() && "off".equals(rs.getString(1))) {
              System.err.println("PostgreSQL runs with autovacuum off: its tables are never analyzed, and the "
                  + "planner's choices degrade as they grow (docs/performance.md). PostgreSQL runs with it on by default.");
            }
          }
        }
        return new String[] {url, user, password};
      }
      Path dir = OUT.resolve("h2-" + orgs).toAbsolutePath();
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
      // The result cache off: H2 would otherwise answer the repeated task query from it.
      return new String[] {"jdbc:h2:file:" + dir.resolve("cxzy") + System.getProperty("bench.h2",
          H2FileGrowth.APPLICATION + ";OPTIMIZE_REUSE_RESULTS=0"), "sa", ""};
    }

    private void phase() {
      RuntimeService runtime = context.getBean(RuntimeService.class);
      ManagementService management = context.getBean(ManagementService.class);
      IdentityService identity = context.getBean(IdentityService.class);
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(CampaignProcess.Field.NUMBER, 1);
      variables.put(CampaignProcess.Field.THEME, "推动科学发展、促进社会和谐、服务人民群众、加强基层组织");
      variables.put(CampaignProcess.Field.START_DATE, LocalDate.now().toString());
      variables.put(CampaignProcess.Field.END_DATE, LocalDate.now().plusMonths(6).toString());
      long t = System.nanoTime();
      String root;
      try {
        identity.setAuthentication(SyntheticCity.OFFICE_USER, groups(identity, SyntheticCity.OFFICE_USER));
        root = runtime.startProcessInstanceByKey(CampaignProcess.KEY, variables).getId();
      } finally {
        identity.clearAuthentication();
      }
      phaseId = (String) runtime.getVariable(root, CampaignProcess.Var.PHASE_ID);
      // The fan-out: one asynchronous start per organization's cycle, run as the job executor would.
      int fanOutJobs = 0;
      while (runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.CYCLE_KEY).count() < orgs) {
        List<Job> due = management.createJobQuery().executable().messages().listPage(0, 200);
        if (due.isEmpty()) {
          throw new IllegalStateException("the fan-out stopped before every cycle was running");
        }
        for (Job job : due) {
          management.executeJob(job.getId());
          fanOutJobs++;
        }
      }
      double fanOut = seconds(t);
      PhaseSimulator.Result result = context.getBean(PhaseSimulator.class).simulate(phaseId, 5000, ballots);
      double whole = seconds(t);
      if (!result.phaseEnded()) {
        throw new IllegalStateException("the phase did not end: " + result);
      }
      HistoryService history = context.getBean(HistoryService.class);
      long instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).count();
      m.put("fanOutSeconds", fanOut);
      m.put("phaseSeconds", whole);
      m.put("processInstances", instances);
      m.put("userTasks", result.tasks());
      m.put("jobs", result.jobs() + fanOutJobs + result.timers());
      m.put("ballots", result.ballots());
      m.put("tasksPerSecond", result.tasks() / whole);
      m.put("jobsPerSecond", (result.jobs() + fanOutJobs + result.timers()) / whole);
      m.put("ballotsPerSecond", result.ballotMillis() == 0 ? 0 : result.ballots() * 1000.0 / result.ballotMillis());
      m.put("msPerTask", whole * 1000 / result.tasks());
      m.put("shareTasks", result.taskMillis() / 1000.0 / whole);
      m.put("shareJobs", result.jobMillis() / 1000.0 / whole);
      m.put("shareBallots", result.ballotMillis() / 1000.0 / whole);
      System.out.printf("phase: %s%n", result);
    }

    /**
     * The same number of instances and user tasks as the phase in a BPMN of the given shape, one robot
     * thread; returns the tasks completed.
     */
    private long floor(Floor shape) {
      long instances = ((Number) m.get("processInstances")).longValue();
      int tasks = (Integer) m.get("userTasks");
      int perInstance = (int) Math.max(1, Math.round((double) tasks / instances));
      String key = FLOOR_KEY + shape.prefix.substring("floor".length());
      context.getBean(RepositoryService.class).createDeployment().name("bench-" + key)
          .addModelInstance(key + ".bpmn", shape.model(key, perInstance, FLOOR_ROBOTS)).deploy();
      RuntimeService runtime = context.getBean(RuntimeService.class);
      TaskService taskService = context.getBean(TaskService.class);
      IdentityService identity = context.getBean(IdentityService.class);
      if (shape.asPerson) {
        member(identity, FLOOR_ROBOT, FLOOR_ROBOTS, "基准测试执行组");
      }
      long t = System.nanoTime();
      for (long i = 0; i < instances; i++) {
        runtime.startProcessInstanceByKey(key, key + "-" + i);
      }
      long completed = 0;
      while (true) {
        List<Task> open = taskService.createTaskQuery().processDefinitionKey(key).active()
            .orderByTaskCreateTime().asc().listPage(0, 500);
        if (open.isEmpty()) {
          break;
        }
        for (Task task : open) {
          if (shape.asPerson) {
            // As the simulator does for a person: who may do it, their groups, then claim and complete
            // with their authentication, so that every command's authorization is checked.
            taskService.getIdentityLinksForTask(task.getId());
            identity.setAuthentication(FLOOR_ROBOT, groups(identity, FLOOR_ROBOT));
            try {
              taskService.claim(task.getId(), FLOOR_ROBOT);
              taskService.complete(task.getId());
            } finally {
              identity.clearAuthentication();
            }
          } else {
            taskService.claim(task.getId(), "robot");
            taskService.complete(task.getId());
          }
          completed++;
        }
      }
      double seconds = seconds(t);
      double msPerTask = seconds * 1000 / completed;
      if (shape == Floor.TRIVIAL) {
        m.put("floorInstances", instances);
        m.put("floorTasks", completed);
        m.put("floorSeconds", seconds);
      }
      m.put(name(shape.prefix, "msPerTask"), msPerTask);
      m.put(shape == Floor.TRIVIAL ? "ratioPerTask" : name("ratioTo", shape.prefix),
          ((Double) m.get("msPerTask")) / msPerTask);
      System.out.printf("%s: %d tasks, %.1f s, %.2f ms per task%n", key, completed, seconds, msPerTask);
      return completed;
    }

    /** A committee's first page of open tasks, with queryTasks open tasks for it; and the floor's. */
    private void query() {
      RuntimeService runtime = context.getBean(RuntimeService.class);
      IdentityService identity = context.getBean(IdentityService.class);
      TaskService taskService = context.getBean(TaskService.class);
      // The application: spot checks (记录督查情况, routed to the organization's leading body) of all the
      // committee's organizations at once, started at the inspection, until it has queryTasks open tasks.
      List<String> committeeOrgs = SyntheticCity.organizationsOf(SyntheticCity.QUERY_COMMITTEE, orgs);
      SupervisionService supervision = context.getBean(SupervisionService.class);
      for (int started = 0; started < queryTasks; started += committeeOrgs.size()) {
        List<String> sample = committeeOrgs.subList(0, Math.min(committeeOrgs.size(), queryTasks - started));
        SpotCheckDraw draw = supervision.draw(phaseId, sample, 1.0, sample.size());
        runtime.createProcessInstanceByKey(CampaignProcess.SUPERVISION_KEY).businessKey("supervision:bench")
            .setVariable(SupervisionProcess.Var.PHASE_ID, phaseId).setVariable("phaseName", "基准测试")
            .setVariable(SupervisionProcess.Var.DRAW_ID, draw.getId())
            .setVariable(SupervisionProcess.Var.ORGS, List.of(draw.getOrgCodes().split(",")))
            .startBeforeActivity("SubProcess_Inspection#multiInstanceBody").execute();
      }
      // The floor: the same number of one-task instances for one group, queried by one of its members.
      context.getBean(RepositoryService.class).createDeployment().name("bench-floor-query")
          .addModelInstance(FLOOR_QUERY_KEY + ".bpmn", trivial(FLOOR_QUERY_KEY, 1, FLOOR_GROUP)).deploy();
      member(identity, FLOOR_USER, FLOOR_GROUP, "基准测试组");
      for (int i = 0; i < queryTasks; i++) {
        runtime.startProcessInstanceByKey(FLOOR_QUERY_KEY, "floor-query-" + i);
      }
      String secretary = SyntheticCity.QUERY_COMMITTEE_USER;
      List<String> appGroups = groups(identity, secretary);
      long appOpen = taskService.createTaskQuery().taskCandidateGroupIn(appGroups).includeAssignedTasks().count();
      long floorOpen = taskService.createTaskQuery().taskCandidateGroup(FLOOR_GROUP).count();
      double[] app = timeQuery(identity, taskService, secretary, appGroups);
      double[] floor = timeQuery(identity, taskService, FLOOR_USER, List.of(FLOOR_GROUP));
      m.put("queryOpenTasks", appOpen);
      m.put("floorQueryOpenTasks", floorOpen);
      m.put("queryP50Ms", app[0]);
      m.put("queryP95Ms", app[1]);
      m.put("floorQueryP50Ms", floor[0]);
      m.put("floorQueryP95Ms", floor[1]);
      m.put("ratioQueryP50", app[0] / floor[0]);
    }

    /** Tasklist's 本组织待办: candidate groups of the user, claimed ones included, newest first, 15 rows. */
    private static double[] timeQuery(IdentityService identity, TaskService taskService, String user,
        List<String> groups) {
      int warmup = 30;
      int measured = 200;
      double[] ms = new double[measured];
      try {
        identity.setAuthentication(user, groups);
        for (int i = 0; i < warmup + measured; i++) {
          long t = System.nanoTime();
          TaskQuery query = taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks()
              .orderByTaskCreateTime().desc();
          List<Task> page = query.listPage(0, 15);
          if (page.size() != 15) {
            throw new IllegalStateException(user + " sees " + page.size() + " tasks on the first page");
          }
          if (i >= warmup) {
            ms[i - warmup] = (System.nanoTime() - t) / 1e6;
          }
        }
      } finally {
        identity.clearAuthentication();
      }
      Arrays.sort(ms);
      return new double[] {ms[measured / 2], ms[(int) Math.ceil(measured * 0.95) - 1]};
    }

    private double databaseMb(String url) throws IOException {
      if ("pg".equals(db)) {
        Long bytes = new JdbcTemplate(context.getBean(DataSource.class))
            .queryForObject("select pg_database_size(current_database())", Long.class);
        return bytes / 1048576.0;
      }
      context.getBean(JdbcTemplate.class).execute("checkpoint");
      Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
      return Files.size(file) / 1048576.0;
    }
  }

  /** A user in a group of their own, created once. */
  static void member(IdentityService identity, String userId, String groupId, String groupName) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setPassword("bench-" + System.nanoTime());
      identity.saveUser(user);
      Group group = identity.newGroup(groupId);
      group.setName(groupName);
      identity.saveGroup(group);
      identity.createMembership(userId, groupId);
    }
  }

  /** A process of n user tasks in a row for one candidate group: no listeners, no delegates. */
  static BpmnModelInstance trivial(String key, int n, String group) {
    return shaped(key, n, group, false, false);
  }

  /**
   * A row of n user tasks for one candidate group; with deadlines, each task has a reminder and a
   * deadline timer (non-interrupting, due in weeks, so they never fire), as a campaign task has; with
   * shown values, each task gets eight task-local variables when created ({@link FloorShownValues}).
   */
  static BpmnModelInstance shaped(String key, int n, String group, boolean deadlines, boolean shown) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).name("基准")
        .camundaHistoryTimeToLive(1).startEvent();
    for (int i = 1; i <= n; i++) {
      String id = "Task_" + i;
      UserTaskBuilder task = flow.userTask(id).name("任务 " + i).camundaCandidateGroups(group);
      if (shown) {
        task = task.camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, FloorShownValues.class);
      }
      flow = task;
      if (deadlines) {
        task.boundaryEvent("Timer_Reminder_" + i).cancelActivity(false).timerWithDuration("P14D").endEvent();
        AbstractActivityBuilder<?, ?> back = task.boundaryEvent("Timer_Due_" + i).cancelActivity(false)
            .timerWithDuration("P28D").endEvent().moveToActivity(id);
        flow = back;
      }
    }
    return flow.endEvent().done();
  }

  /**
   * The floors, measured one after the other in the phase's database: the trivial one, and shaped
   * like a campaign task step by step, each adding one thing to the one before it. The shaped floors
   * run when {@code bench.floors} names them (all by default).
   */
  enum Floor {
    TRIVIAL("floor", false, false, false),
    DEADLINES("floorDeadlines", true, false, false),
    SHOWN("floorShown", true, true, false),
    PERSON("floorPerson", true, true, true);

    final String prefix;
    final boolean deadlines;
    final boolean shown;
    final boolean asPerson;

    Floor(String prefix, boolean deadlines, boolean shown, boolean asPerson) {
      this.prefix = prefix;
      this.deadlines = deadlines;
      this.shown = shown;
      this.asPerson = asPerson;
    }

    BpmnModelInstance model(String key, int n, String group) {
      return shaped(key, n, group, deadlines, shown);
    }
  }

  /** The trivial floor, and the shaped ones bench.floors names. */
  static final List<Floor> FLOORS = Stream.of(Floor.values())
      .filter(f -> f == Floor.TRIVIAL || List.of(System.getProperty("bench.floors", "deadlines,shown,person")
          .toLowerCase(java.util.Locale.ROOT).split(",")).contains(f.name().toLowerCase(java.util.Locale.ROOT)))
      .toList();

  /** A figure's name under a prefix: msPerTask under floorShown is floorShownMsPerTask. */
  static String name(String prefix, String figure) {
    return prefix.isEmpty() ? figure : prefix + Character.toUpperCase(figure.charAt(0)) + figure.substring(1);
  }

  static List<String> groups(IdentityService identity, String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Medians of the numeric figures over the runs of one size. */
  static Map<String, Object> median(List<Map<String, Object>> runs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : runs.get(0).keySet()) {
      Object first = runs.get(0).get(key);
      if (first instanceof Number) {
        double[] values = runs.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).sorted().toArray();
        out.put(key, values[values.length / 2]);
      } else {
        out.put(key, first);
      }
    }
    out.put("runs", runs.size());
    return out;
  }

  static String table(List<Map<String, Object>> rows, int runs, int ballots, int queryTasks) {
    String[] columns = {"database", "organizations", "members", "fanOutSeconds", "phaseSeconds", "userTasks",
        "tasksPerSecond", "jobs", "jobsPerSecond", "ballots", "ballotsPerSecond", "peakHeapMb", "databaseMb",
        "msPerTask", "floorSeconds", "floorMsPerTask", "ratioPerTask", "statementsPerTask",
        "floorStatementsPerTask", "commitsPerTask", "floorCommitsPerTask", "writingCommitsPerTask",
        "floorWritingCommitsPerTask", "floorDeadlinesMsPerTask", "floorDeadlinesStatementsPerTask",
        "floorShownMsPerTask", "floorShownStatementsPerTask", "floorPersonMsPerTask",
        "floorPersonStatementsPerTask", "floorPersonCommitsPerTask", "ratioToFloorPerson", "queryP50Ms",
        "queryP95Ms", "floorQueryP50Ms", "floorQueryP95Ms", "ratioQueryP50"};
    StringBuilder md = new StringBuilder();
    md.append("Medians of ").append(runs).append(" run(s) per size; ").append(ballots)
        .append(" ballots per organization and evaluation; task query with ").append(queryTasks)
        .append(" open tasks for the committee; ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, heap at most ").append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MB.\n\n");
    md.append("| ").append(String.join(" | ", columns)).append(" |\n");
    md.append("|").append(" --- |".repeat(columns.length)).append("\n");
    for (Map<String, Object> row : rows) {
      md.append("| ");
      md.append(Arrays.stream(columns).map(c -> format(row.get(c))).collect(Collectors.joining(" | ")));
      md.append(" |\n");
    }
    for (Map<String, Object> row : rows) {
      if (row.get("statementsByKind") instanceof Map<?, ?> kinds) {
        md.append("\nSQL statements per user task (executions and batched rows), ").append(row.get("database"))
            .append(" with ").append(format(row.get("organizations")))
            .append(" organizations, the 25 most frequent:\n\n")
            .append("| statement | phase | floor | shaped floor (floorPerson) |\n| --- | --- | --- | --- |\n");
        kinds.entrySet().stream().limit(25).forEach(e -> {
          double[] v = (double[]) e.getValue();
          md.append("| ").append(e.getKey()).append(" | ").append(format(v[0])).append(" | ")
              .append(format(v[1])).append(" | ").append(format(v[2])).append(" |\n");
        });
      }
    }
    return md.toString();
  }

  private static String format(Object value) {
    if (value == null) {
      return "–";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) ? String.valueOf(d.longValue())
          : d >= 100 ? String.format("%.0f", d) : d >= 10 ? String.format("%.1f", d) : String.format("%.2f", d);
    }
    return String.valueOf(value);
  }
}
