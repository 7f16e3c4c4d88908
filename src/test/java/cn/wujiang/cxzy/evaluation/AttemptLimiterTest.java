package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Unknown codes from one address: ten free, then delays that double, forgotten after the window. */
class AttemptLimiterTest {

  private Instant now = Instant.parse("2026-12-04T08:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  private final AttemptLimiter limiter = new AttemptLimiter(new EvaluationProperties(), clock);

  @Test
  void tenUnknownCodesAreFreeThenEachWaitsTwiceAsLong() {
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.unknown("10.0.0.1")).isZero();
    }
    assertThat(limiter.unknown("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.unknown("10.0.0.2")).as("another address").isZero();
    now = now.plusSeconds(2);
    assertThat(limiter.unknown("10.0.0.1")).as("2 s after the last").isZero();
    assertThat(limiter.unknown("10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    // The refused try counts as well: the next one waits 8 s after it.
    now = now.plusSeconds(7);
    assertThat(limiter.unknown("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    now = now.plusSeconds(16);
    assertThat(limiter.unknown("10.0.0.1")).isZero();
    assertThat(limiter.unknown("10.0.0.1")).isEqualTo(Duration.ofSeconds(32));
    // A guesser who keeps trying waits at most the window.
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.unknown("10.0.0.1")).isLessThanOrEqualTo(Duration.ofMinutes(15));
    }
    assertThat(limiter.unknown("10.0.0.1")).isEqualTo(Duration.ofMinutes(15));
    now = now.plus(Duration.ofMinutes(15)).plusSeconds(1);
    assertThat(limiter.unknown("10.0.0.1")).as("the window has passed").isZero();
  }
}
