package cn.wujiang.cxzy.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Guessing codes is slowed down per client address: after cxzy.evaluation.max-failed-attempts unknown
 * codes within cxzy.evaluation.attempt-window (a sliding window), the ballot page answers 429 to that
 * address until old failures fall out of the window. In memory, per node: each node of a cluster
 * counts on its own, which only multiplies the rate by the number of nodes.
 */
@Component
class AttemptLimiter {

  /** Addresses remembered at most; past that, those with no recent failure are forgotten first. */
  static final int MAX_CLIENTS = 100_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final EvaluationProperties properties;
  private final Clock clock;

  AttemptLimiter(EvaluationProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  boolean blocked(String client) {
    Deque<Instant> times = failures.get(client);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times);
      return times.size() >= properties.getMaxFailedAttempts();
    }
  }

  void failed(String client) {
    if (failures.size() >= MAX_CLIENTS) {
      forgetOld();
      if (failures.size() >= MAX_CLIENTS) {
        failures.clear();
      }
    }
    Deque<Instant> times = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times);
      times.addLast(clock.instant());
    }
  }

  @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
  void forgetOld() {
    failures.values().removeIf(times -> {
      synchronized (times) {
        prune(times);
        return times.isEmpty();
      }
    });
  }

  private void prune(Deque<Instant> times) {
    Instant cutoff = clock.instant().minus(properties.getAttemptWindow());
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }
}
