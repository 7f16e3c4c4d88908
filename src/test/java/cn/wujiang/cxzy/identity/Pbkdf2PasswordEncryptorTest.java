package cn.wujiang.cxzy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;

class Pbkdf2PasswordEncryptorTest {

  @Test
  void aPasswordChecksAgainstItsHashAndNoOtherDoes() {
    Pbkdf2PasswordEncryptor encryptor = new Pbkdf2PasswordEncryptor(1_000);

    String hash = encryptor.encrypt("同里镇-2026!");

    assertThat(hash).startsWith("1000$");
    assertThat(encryptor.check("同里镇-2026!", hash)).isTrue();
    assertThat(encryptor.check("同里镇-2026", hash)).isFalse();
    assertThat(encryptor.encrypt("同里镇-2026!")).as("a new salt each time").isNotEqualTo(hash);
    assertThat(new Pbkdf2PasswordEncryptor(2_000).check("同里镇-2026!", hash))
        .as("the count is read from the hash").isTrue();
  }

  @Test
  void malformedOrForgedHashesNeverMatch() {
    Pbkdf2PasswordEncryptor encryptor = new Pbkdf2PasswordEncryptor(1_000);

    assertThat(encryptor.check("demo", "")).isFalse();
    assertThat(encryptor.check("demo", "1000$abc")).isFalse();
    assertThat(encryptor.check("demo", "x$AAAA$AAAA")).isFalse();
    assertThat(encryptor.check("demo", "2000000000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")).as("no endless count").isFalse();
    assertThat(encryptor.check("demo", "1000$!!!$AAAA")).isFalse();
  }

  @Test
  void theEngineHashesNewPasswordsWithThePrefixAndStillChecksSha512Hashes() {
    PasswordManager manager = new PasswordManager(new Pbkdf2PasswordEncryptor(1_000), List.of());
    String legacy = "{SHA-512}" + new Sha512HashDigest().encrypt("demosalt");

    assertThat(manager.encrypt("demosalt")).startsWith("{PBKDF2-SHA256}1000$");
    assertThat(manager.check("demosalt", manager.encrypt("demosalt"))).isTrue();
    assertThat(manager.check("demosalt", legacy)).isTrue();
    assertThat(manager.check("wrongsalt", legacy)).isFalse();
    assertThat(Pbkdf2PasswordEncryptor.iterationsOf(legacy)).isZero();
    assertThat(Pbkdf2PasswordEncryptor.iterationsOf(manager.encrypt("x"))).isEqualTo(1_000);
  }

  /** The cost of one login at the production work factor, printed for the record (median of five). */
  @Test
  void oneCheckAtTheProductionWorkFactor() {
    Pbkdf2PasswordEncryptor encryptor = new Pbkdf2PasswordEncryptor(310_000);
    String hash = encryptor.encrypt("demo-password");
    long[] ms = new long[5];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      assertThat(encryptor.check("demo-password", hash)).isTrue();
      ms[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(ms);
    System.out.println("PBKDF2-HMAC-SHA256 310000 iterations: median " + ms[2] + " ms of " + Arrays.toString(ms));
  }
}
