package cn.wujiang.cxzy.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * People working one phase at once, as Tasklist does it through {@code /engine-rest} with HTTP Basic:
 * each virtual person takes a login of the city, loads the filters with their counts, lists 本组织待办
 * (candidate groups) and 我的待办 (assignee), opens tasks (the task, its form key, the deployed form, the
 * form's variables), claims those not yet theirs and submits the form with valid answers; then lets the
 * login go and takes the next one. A watcher (the administrator) ends the run when no task of the
 * phase's first steps is left for the run's organizations, or when the plan's time or count is reached.
 */
public class PhaseLoadSimulation extends Simulation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LIST_BODY =
      "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
          + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
  static final String MINE = "我的待办";
  static final String ORGANIZATION = "本组织待办";

  private final LoadPlan plan = LoadPlan.read();
  private final Outcomes outcomes = new Outcomes();
  private final AtomicBoolean done = new AtomicBoolean();
  private final AtomicInteger emptyPolls = new AtomicInteger();
  private final BlockingQueue<LoadPlan.Login> logins = new LinkedBlockingQueue<>(plan.logins());
  private volatile long deadline = Long.MAX_VALUE;

  {
    HttpProtocolBuilder protocol = http.disableWarmUp().acceptHeader("application/json")
        .contentTypeHeader("application/json").disableCaching();

    ScenarioBuilder people = scenario("people").asLongAs(this::goOn).on(
        exec(this::takeLogin)
            // What Tasklist loads: the number of filters, the filters, then the tasks of the filter chosen.
            .exec(request("filter count", http("filter count")
                .get("#{base}/engine-rest/filter/count?itemCount=false&resourceType=Task")))
            .exec(request("filters", http("filters")
                .get("#{base}/engine-rest/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task"),
                "filtersBody"))
            .exec(this::filterIds)
            .exec(request("list 我的待办", http("list mine")
                .post("#{base}/engine-rest/filter/#{myFilter}/list?firstResult=0&maxResults=15")
                .header("Accept", "application/hal+json").body(StringBody(LIST_BODY)), "myList"))
            // A member acts for no organization: only secretaries, liaisons and leaders open 本组织待办.
            .doIf(s -> s.getBoolean("acts")).then(
                request("list 本组织待办", http("list org")
                    .post("#{base}/engine-rest/filter/#{orgFilter}/list?firstResult=0&maxResults=15")
                    .header("Accept", "application/hal+json").body(StringBody(LIST_BODY)), "orgList"))
            .exec(this::pickWork)
            .foreach("#{work}", "task").on(workTask())
            .exec(this::releaseLogin)
            .doIfOrElse(s -> s.getList("work").isEmpty())
            .then(plan.pauses() ? exec(s -> s).pause(Duration.ofMillis(plan.pauseMinMs()), Duration.ofMillis(plan.pauseMaxMs()))
                // Without pauses a person who found nothing looks again a moment later, not in a tight loop.
                : exec(s -> s).pause(Duration.ofMillis(100)))
            .orElse(think()));

    LoadPlan.Login admin = plan.admin();
    ObjectNode countQuery = JSON.createObjectNode();
    countQuery.set("taskDefinitionKeyIn", JSON.valueToTree(plan.taskKeys()));
    countQuery.set("processInstanceBusinessKeyIn", JSON.valueToTree(plan.businessKeys()));
    ScenarioBuilder watch = scenario("watch").asLongAs(s -> !done.get()).on(
        exec(http("watch: open tasks").post(admin.base() + "/engine-rest/task/count")
            .basicAuth(admin.user(), admin.password()).body(StringBody(countQuery.toString()))
            .check(jsonPath("$.count").ofInt().saveAs("open")))
            .exec(this::watched)
            .pause(Duration.ofSeconds(2)));

    setUp(people.injectOpen(atOnceUsers(plan.people())), watch.injectOpen(atOnceUsers(1)))
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(plan.maxSeconds() + 120L));
  }

  @Override
  public void before() {
    deadline = System.currentTimeMillis() + plan.maxSeconds() * 1000L;
  }

  @Override
  public void after() {
    outcomes.end("the simulation ended");
    outcomes.write(plan);
  }

  private boolean goOn(Session session) {
    if (done.get()) {
      return false;
    }
    if (System.currentTimeMillis() > deadline) {
      finish("time (" + plan.maxSeconds() + " s)");
      return false;
    }
    return true;
  }

  private void finish(String reason) {
    if (done.compareAndSet(false, true)) {
      outcomes.end(reason);
    }
  }

  private Session watched(Session session) {
    int open = session.contains("open") ? session.getInt("open") : -1;
    if (open == 0 && emptyPolls.incrementAndGet() >= 2) {
      finish("no task of the first steps left");
    } else if (open != 0) {
      emptyPolls.set(0);
    }
    if (outcomes.submissions() >= plan.maxSubmissions()) {
      finish("count (" + plan.maxSubmissions() + " submissions)");
    }
    if (System.currentTimeMillis() > deadline) {
      finish("time (" + plan.maxSeconds() + " s)");
    }
    return session.remove("open");
  }

  /** A request whose answer is recorded (time, status, message); its body kept under {@code keepAs}. */
  private ChainBuilder request(String name, HttpRequestActionBuilder request, String keepAs) {
    return exec(request.basicAuth("#{user}", "#{password}")
        .check(responseTimeInMillis().saveAs("rt"), status().saveAs("status"), bodyString().saveAs("body"),
            status().in(200, 204)))
        .exec(s -> {
          Session kept = keepAs != null && s.contains("body") ? s.set(keepAs, s.getString("body")) : s;
          return outcomes.record(name, kept);
        });
  }

  private ChainBuilder request(String name, HttpRequestActionBuilder request) {
    return request(name, request, null);
  }

  private ChainBuilder think() {
    return plan.pauses() ? exec(s -> s).pause(Duration.ofMillis(plan.pauseMinMs()), Duration.ofMillis(plan.pauseMaxMs()))
        : exec(s -> s);
  }

  private ChainBuilder workTask() {
    return exec(s -> {
      Map<String, Object> task = s.getMap("task");
      return s.set("taskId", task.get("id")).set("taskKey", task.get("key")).set("needsClaim", task.get("claim"));
    })
        .exec(request("task", http("task").get("#{base}/engine-rest/task/#{taskId}")))
        .doIf(s -> s.getBoolean("ok")).then(
            exec(request("form", http("form").get("#{base}/engine-rest/task/#{taskId}/form")))
                .exec(request("deployed-form", http("deployed-form").get("#{base}/engine-rest/task/#{taskId}/deployed-form")))
                .exec(request("form-variables", http("form-variables")
                    .get("#{base}/engine-rest/task/#{taskId}/form-variables"), "formVariables"))
                .exec(think())
                .doIf(s -> s.getBoolean("needsClaim")).then(
                    request("claim", http("claim").post("#{base}/engine-rest/task/#{taskId}/claim")
                        .body(StringBody(s -> "{\"userId\":\"" + s.getString("user") + "\"}"))))
                .doIf(s -> s.getBoolean("ok")).then(
                    exec(s -> s.set("submitBody", Answers.body(s.getString("taskKey"),
                        s.contains("formVariables") ? s.getString("formVariables") : null)))
                        .exec(think())
                        .exec(request("submit", http("submit").post("#{base}/engine-rest/task/#{taskId}/submit-form")
                            .body(StringBody(s -> s.getString("submitBody")))))))
        .exec(s -> s.remove("formVariables").remove("submitBody"));
  }

  /** Takes a login nobody is using at the moment (there are more logins than people at once). */
  private Session takeLogin(Session session) {
    outcomes.start();
    LoadPlan.Login login;
    try {
      login = logins.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      login = null;
    }
    if (login == null) {
      throw new IllegalStateException("no free login: the plan has fewer logins than people");
    }
    return session.set("user", login.user()).set("password", login.password()).set("base", login.base())
        .set("acts", login.actsForOrganization()).set("login", login);
  }

  private Session releaseLogin(Session session) {
    logins.add(session.get("login"));
    return session;
  }

  private Session filterIds(Session session) {
    String org = "none";
    String mine = "none";
    JsonNode filters = Answers.parse(session.contains("filtersBody") ? session.getString("filtersBody") : null);
    for (JsonNode filter : filters) {
      if (ORGANIZATION.equals(filter.path("name").asText())) {
        org = filter.path("id").asText();
      } else if (MINE.equals(filter.path("name").asText())) {
        mine = filter.path("id").asText();
      }
    }
    return session.set("orgFilter", org).set("myFilter", mine).remove("filtersBody");
  }

  /**
   * The tasks this person works now: their own first, then their organization's that nobody has claimed
   * or that they claimed, in a person's order (not all people start with the same task).
   */
  private Session pickWork(Session session) {
    String user = session.getString("user");
    List<Map<String, Object>> mine = tasks(session, "myList", user);
    List<Map<String, Object>> org = tasks(session, "orgList", user);
    Collections.shuffle(org);
    Map<String, Map<String, Object>> work = new LinkedHashMap<>();
    for (Map<String, Object> task : mine) {
      work.putIfAbsent((String) task.get("id"), task);
    }
    for (Map<String, Object> task : org) {
      work.putIfAbsent((String) task.get("id"), task);
    }
    List<Map<String, Object>> picked = new ArrayList<>(work.values());
    if (picked.size() > plan.maxTasksPerVisit()) {
      picked = new ArrayList<>(picked.subList(0, plan.maxTasksPerVisit()));
    }
    outcomes.visit(picked.isEmpty());
    return session.set("work", picked).remove("myList").remove("orgList");
  }

  private static List<Map<String, Object>> tasks(Session session, String key, String user) {
    List<Map<String, Object>> result = new ArrayList<>();
    JsonNode list = Answers.parse(session.contains(key) ? session.getString(key) : null);
    JsonNode tasks = list.path("_embedded").path("task");
    if (tasks instanceof ArrayNode array) {
      for (JsonNode task : array) {
        String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
        String taskKey = task.path("taskDefinitionKey").asText();
        if (Answers.KNOWN.contains(taskKey) && (assignee == null || assignee.equals(user))) {
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("id", task.path("id").asText());
          t.put("key", taskKey);
          t.put("claim", assignee == null);
          result.add(t);
        }
      }
    }
    return result;
  }
}
