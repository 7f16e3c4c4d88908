package cn.wujiang.cxzy.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.gatling.javaapi.core.Session;

/**
 * What the people got: the response times per kind of request, every answer that was not a success by
 * status and message (an English engine message counted as such), and the accepted submissions.
 */
final class Outcomes {

  private final Map<String, ConcurrentLinkedQueue<Integer>> times = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> submitted = new ConcurrentHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final AtomicInteger visits = new AtomicInteger();
  private final AtomicInteger emptyVisits = new AtomicInteger();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong lastSubmission = new AtomicLong();
  private volatile long ended;
  private volatile String endedBy = "";

  void start() {
    started.compareAndSet(0, System.currentTimeMillis());
  }

  void end(String reason) {
    if (ended == 0) {
      ended = System.currentTimeMillis();
      endedBy = reason;
    }
  }

  int submissions() {
    return submissions.get();
  }

  void visit(boolean empty) {
    visits.incrementAndGet();
    if (empty) {
      emptyVisits.incrementAndGet();
    }
  }

  /** Records the answer to the request just made (saved by the checks) and drops its body from the session. */
  Session record(String request, Session session) {
    Integer rt = session.contains("rt") ? session.getInt("rt") : null;
    int status = session.contains("status") ? session.getInt("status") : 0;
    if (rt != null) {
      times.computeIfAbsent(request, k -> new ConcurrentLinkedQueue<>()).add(rt);
    }
    boolean ok = status >= 200 && status < 300;
    if (!ok) {
      String body = session.contains("body") ? session.getString("body") : null;
      errors.computeIfAbsent(request + "\t" + status + "\t" + describe(status, body), k -> new AtomicInteger())
          .incrementAndGet();
    } else if ("submit".equals(request)) {
      submissions.incrementAndGet();
      submitted.computeIfAbsent(session.getString("taskKey"), k -> new AtomicInteger()).incrementAndGet();
      lastSubmission.set(System.currentTimeMillis());
    }
    return session.remove("body").remove("status").remove("rt").set("ok", ok);
  }

  /**
   * The exception type and message of an answer, numbers and ids masked so that the same message counts
   * once; "EN" marks a message a person would see in English (no Chinese in it).
   */
  static String describe(int status, String body) {
    if (status == 0) {
      return "no answer (connection refused, reset or timed out)";
    }
    JsonNode json = Answers.parse(body);
    String type = json.path("type").asText("");
    String message = json.path("message").asText(body == null ? "" : body);
    message = message.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
        .replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
    if (message.length() > 160) {
      message = message.substring(0, 160) + "…";
    }
    boolean chinese = message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    return (chinese ? "ZH " : "EN ") + type + ": " + message;
  }

  void write(LoadPlan plan) {
    long end = ended == 0 ? System.currentTimeMillis() : ended;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", plan.label());
    out.put("people", plan.people());
    out.put("pauses", plan.pauses() ? plan.pauseMinMs() + "-" + plan.pauseMaxMs() + " ms" : "none");
    out.put("seconds", (end - started.get()) / 1000.0);
    out.put("secondsToLastSubmission", (lastSubmission.get() - started.get()) / 1000.0);
    out.put("endedBy", endedBy);
    out.put("submissions", submissions.get());
    out.put("submittedBySteps", new TreeMap<>(Map.copyOf(counts(submitted))));
    out.put("visits", visits.get());
    out.put("emptyVisits", emptyVisits.get());
    Map<String, Object> requests = new TreeMap<>();
    times.forEach((name, queue) -> {
      List<Integer> sorted = new ArrayList<>(queue);
      Collections.sort(sorted);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("count", sorted.size());
      r.put("p50", percentile(sorted, 50));
      r.put("p95", percentile(sorted, 95));
      r.put("p99", percentile(sorted, 99));
      r.put("max", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
      requests.put(name, r);
    });
    out.put("requests", requests);
    List<Map<String, Object>> errorList = new ArrayList<>();
    errors.forEach((key, count) -> {
      String[] parts = key.split("\t", 3);
      errorList.add(Map.of("request", parts[0], "status", Integer.parseInt(parts[1]), "message", parts[2],
          "count", count.get()));
    });
    errorList.sort((a, b) -> Integer.compare((Integer) b.get("count"), (Integer) a.get("count")));
    out.put("errors", errorList);
    try {
      File file = new File(plan.out());
      file.getParentFile().mkdirs();
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> counts(Map<String, AtomicInteger> map) {
    Map<String, Integer> result = new TreeMap<>();
    map.forEach((k, v) -> result.put(k, v.get()));
    return result;
  }

  private static int percentile(List<Integer> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
