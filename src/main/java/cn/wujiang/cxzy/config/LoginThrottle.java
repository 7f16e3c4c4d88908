package cn.wujiang.cxzy.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking anybody out for good. Failed logins are counted
 * per account and per client address; past a number of free failures each further failure makes that
 * account (or address) wait, 1 s doubling up to 5 minutes, counted from its last failure. While it waits
 * a login is answered 429 without its password being checked, so that guesses made during the wait
 * neither count nor prolong it; once the wait is over the right password works. A success clears the
 * account's count; counts are forgotten after a quiet period.
 * <p>
 * The engine's own lockout (loginMaxAttempts, a permanent lock that only an administrator lifts, and
 * loginDelay*, a wait that every wrong password prolongs) is switched off in application.yaml, because
 * anybody who knows a login name can turn it on that person.
 * <p>
 * In memory, per node: a cluster of n nodes behind a load balancer lets a guesser try at most n times
 * as fast, and a restart forgets the counts. Keeping the counts in the database instead would make every
 * wrong password of a flood a write to the shared database, and the 429 answers cost a query each.
 */
@Component
public class LoginThrottle {

  /** Failures an account may have before it waits. */
  static final int ACCOUNT_FREE_FAILURES = 5;
  /**
   * Failures an address may have (on any accounts) before it waits. A school's or a hospital's staff
   * reach us through one address, and an address that waits holds back every login from it: high enough
   * that a building's mistyped passwords never reach it in half an hour, low enough to stop a guesser
   * who sprays one password over many accounts (each account is held back by its own count too).
   */
  static final int ADDRESS_FREE_FAILURES = 50;
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofMinutes(5);
  /** A count without a failure for this long is forgotten. */
  static final Duration FORGET_AFTER = Duration.ofMinutes(30);
  /** Entries remembered at most; past that, the quiet ones are forgotten first, then all. */
  static final int MAX_ENTRIES = 200_000;

  /** What a login attempt is told: go ahead, or wait this long. */
  public record Verdict(Duration delay) {
    public boolean allowed() {
      return delay.isZero();
    }

    /** Whole seconds for Retry-After, at least 1. */
    public long retryAfterSeconds() {
      return Math.max(1, (delay.toMillis() + 999) / 1000);
    }
  }

  /** A current throttle, as the administrator sees it. */
  public record Entry(String kind, String key, int failures, Instant lastFailure, Instant waitUntil) {
  }

  private static final class Count {
    int failures;
    Instant lastFailure;
  }

  private final Map<String, Count> accounts = new ConcurrentHashMap<>();
  private final Map<String, Count> addresses = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether an attempt for this account from this address may be checked now. */
  public Verdict check(String account, String address) {
    Instant now = clock.instant();
    Duration wait = max(remaining(accounts.get(key(account)), ACCOUNT_FREE_FAILURES, now),
        remaining(addresses.get(address), ADDRESS_FREE_FAILURES, now));
    return new Verdict(wait);
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    if (accounts.size() + addresses.size() >= MAX_ENTRIES) {
      forgetOld();
      if (accounts.size() + addresses.size() >= MAX_ENTRIES) {
        accounts.clear();
        addresses.clear();
      }
    }
    count(accounts, key(account), now);
    if (address != null) {
      count(addresses, address, now);
    }
  }

  /** The right password: the account starts afresh. The address keeps its count until it is forgotten. */
  public void succeeded(String account) {
    accounts.remove(key(account));
  }

  /** The accounts and addresses that have failed recently, those waiting longest first. */
  public List<Entry> current() {
    Instant now = clock.instant();
    List<Entry> entries = new ArrayList<>();
    collect(entries, "account", accounts, ACCOUNT_FREE_FAILURES, now);
    collect(entries, "address", addresses, ADDRESS_FREE_FAILURES, now);
    entries.sort(Comparator.comparing(Entry::waitUntil).reversed().thenComparing(Entry::key));
    return entries;
  }

  @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
  void forgetOld() {
    Instant cutoff = clock.instant().minus(FORGET_AFTER);
    for (Map<String, Count> counts : List.of(accounts, addresses)) {
      counts.values().removeIf(count -> {
        synchronized (count) {
          return count.lastFailure == null || count.lastFailure.isBefore(cutoff);
        }
      });
    }
  }

  /** Forgets every count (tests). */
  void forgetAll() {
    accounts.clear();
    addresses.clear();
  }

  /** The wait after a given number of failures: none within the free ones, then 1 s doubling to 5 min. */
  static Duration delay(int failures, int free) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free, 20);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private static void count(Map<String, Count> counts, String key, Instant now) {
    Count count = counts.computeIfAbsent(key, k -> new Count());
    synchronized (count) {
      if (count.lastFailure != null && count.lastFailure.plus(FORGET_AFTER).isBefore(now)) {
        count.failures = 0;
      }
      count.failures++;
      count.lastFailure = now;
    }
  }

  private static Duration remaining(Count count, int free, Instant now) {
    if (count == null) {
      return Duration.ZERO;
    }
    synchronized (count) {
      if (count.lastFailure == null) {
        return Duration.ZERO;
      }
      Instant until = count.lastFailure.plus(delay(count.failures, free));
      return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }
  }

  private static void collect(List<Entry> entries, String kind, Map<String, Count> counts, int free, Instant now) {
    Instant cutoff = now.minus(FORGET_AFTER);
    counts.forEach((key, count) -> {
      synchronized (count) {
        if (count.lastFailure != null && !count.lastFailure.isBefore(cutoff)) {
          entries.add(new Entry(kind, key, count.failures, count.lastFailure,
              count.lastFailure.plus(delay(count.failures, free))));
        }
      }
    });
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String key(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }
}
