package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Wrong passwords slow an account and an address down for a while, and never lock anybody out. */
class LoginThrottleTest {

  private Instant now = Instant.parse("2026-12-04T08:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  });

  private void later(Duration duration) {
    now = now.plus(duration);
  }

  @Test
  void fiveFailuresAreFreeThenTheAccountWaitsOneSecondDoublingUpToFiveMinutes() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("office.sec", "10.0.0." + i);
      assertThat(throttle.check("office.sec", "10.0.1.1").allowed()).isTrue();
    }
    throttle.failed("office.sec", "10.0.0.9");
    assertThat(throttle.check("office.sec", "10.0.1.1").delay()).isEqualTo(Duration.ofSeconds(1));

    assertThat(LoginThrottle.delay(6, 5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(LoginThrottle.delay(9, 5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(LoginThrottle.delay(14, 5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(LoginThrottle.delay(1_000, 5)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theRightPasswordAfterTheWaitWorksAndClearsTheAccount() {
    for (int i = 0; i < 50; i++) {
      LoginThrottle.Verdict verdict = throttle.check("office.sec", "10.0.0." + i);
      if (verdict.allowed()) {
        throttle.failed("office.sec", "10.0.0." + i);
      } else {
        // guesses within the wait are not checked and neither count nor prolong it
        later(Duration.ofMillis(500));
      }
    }
    LoginThrottle.Verdict waiting = throttle.check("office.sec", "192.168.1.5");
    assertThat(waiting.allowed()).isFalse();
    assertThat(waiting.delay()).isLessThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(waiting.retryAfterSeconds()).isPositive();

    later(waiting.delay());
    assertThat(throttle.check("office.sec", "192.168.1.5").allowed()).isTrue();
    throttle.succeeded("office.sec");
    throttle.failed("office.sec", "192.168.1.5");
    assertThat(throttle.check("office.sec", "192.168.1.5").allowed()).isTrue();
  }

  @Test
  void anAddressThatFailsOnManyAccountsWaitsButOthersDoNot() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
      throttle.failed("user" + i, "203.0.113.7");
    }
    assertThat(throttle.check("office.sec", "203.0.113.7").allowed()).isFalse();
    assertThat(throttle.check("office.sec", "10.0.0.1").allowed()).isTrue();
    assertThat(throttle.current()).extracting(LoginThrottle.Entry::kind, LoginThrottle.Entry::key)
        .contains(org.assertj.core.groups.Tuple.tuple("address", "203.0.113.7"));
  }

  @Test
  void quietCountsAreForgotten() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("office.sec", "10.0.0.1");
    }
    later(LoginThrottle.FORGET_AFTER.plusSeconds(1));
    throttle.forgetOld();
    assertThat(throttle.current()).isEmpty();
    throttle.failed("office.sec", "10.0.0.1");
    assertThat(throttle.check("office.sec", "10.0.0.1").allowed()).isTrue();
  }

  @Test
  void loginNamesAreCountedWhateverTheirCase() {
    for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
      throttle.failed(i % 2 == 0 ? "Office.Sec" : "office.sec", "10.0.0." + i);
    }
    assertThat(throttle.check("OFFICE.SEC", "10.0.9.9").allowed()).isFalse();
  }
}
