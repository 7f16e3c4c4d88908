package cn.wujiang.cxzy.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of codes, per client address, without ever refusing a valid code: only unknown
 * codes are counted and only unknown codes are refused. An address may try
 * cxzy.evaluation.max-failed-attempts unknown codes within cxzy.evaluation.attempt-window (a sliding
 * window) freely; after that each further unknown code must wait a delay that doubles with every
 * failure (1 s, 2 s, 4 s, … at most the window) since its last one, and one tried earlier is answered
 * 429 with Retry-After (and counts as a failure itself). A school's Wi-Fi where someone mistyped ten
 * codes still opens every valid code at once. In memory, per node: each node of a cluster counts on
 * its own, which only multiplies the rate by the number of nodes. The guessing arithmetic is in
 * docs/security.md.
 */
@Component
class AttemptLimiter {

  /** Addresses remembered at most; past that, those with no recent failure are forgotten first. */
  static final int MAX_CLIENTS = 100_000;
  /** Failures remembered per address at most: enough for the longest delay. */
  static final int MAX_REMEMBERED = 64;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final EvaluationProperties properties;
  private final Clock clock;

  AttemptLimiter(EvaluationProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Records an unknown code tried from the address; returns how long the address had to wait before
   * trying it (zero: it may be answered as unknown; more: it is answered 429 with that Retry-After).
   */
  Duration unknown(String client) {
    if (failures.size() >= MAX_CLIENTS) {
      forgetOld();
      if (failures.size() >= MAX_CLIENTS) {
        failures.clear();
      }
    }
    Deque<Instant> times = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
    synchronized (times) {
      Instant now = clock.instant();
      prune(times);
      Duration wait = Duration.ZERO;
      int over = times.size() - properties.getMaxFailedAttempts();
      if (over >= 0) {
        Duration delay = delay(over);
        Instant allowed = times.peekLast().plus(delay);
        if (now.isBefore(allowed)) {
          wait = Duration.between(now, allowed);
        }
      }
      times.addLast(now);
      while (times.size() > MAX_REMEMBERED) {
        times.removeFirst();
      }
      return wait;
    }
  }

  /** The delay after the (over+1)-th failure beyond the free ones: 1 s, 2 s, 4 s, … at most the window. */
  Duration delay(int over) {
    Duration window = properties.getAttemptWindow();
    if (over >= 40) {
      return window;
    }
    Duration delay = Duration.ofSeconds(1L << over);
    return delay.compareTo(window) > 0 ? window : delay;
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
