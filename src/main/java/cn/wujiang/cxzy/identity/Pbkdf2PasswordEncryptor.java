package cn.wujiang.cxzy.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * PBKDF2-HMAC-SHA256 for the engine's user passwords, stored as
 * {@code {PBKDF2-SHA256}<iterations>$<salt>$<hash>} (salt and hash in Base64). The engine salts the
 * password before it gets here; this adds its own random salt and the work factor, so that a stolen
 * user table costs an attacker hundreds of thousands of HMACs per guess instead of one SHA-512.
 * The iteration count is kept in each hash: raising the setting leaves existing hashes checkable.
 */
final class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

  static final String ALGORITHM = "PBKDF2-SHA256";
  static final String PREFIX = "{" + ALGORITHM + "}";
  /** A stored count above this is refused unread: a forged row must not make a login run for hours. */
  static final int MAX_ITERATIONS = 10_000_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;

  Pbkdf2PasswordEncryptor(int iterations) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("PBKDF2 iterations out of range: " + iterations);
    }
    this.iterations = iterations;
  }

  int iterations() {
    return iterations;
  }

  @Override
  public String encrypt(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash(password, salt, iterations));
  }

  @Override
  public boolean check(String password, String encrypted) {
    if (password == null || encrypted == null) {
      return false;
    }
    String[] parts = encrypted.split("\\$");
    if (parts.length != 3) {
      return false;
    }
    try {
      int count = Integer.parseInt(parts[0]);
      if (count < 1 || count > MAX_ITERATIONS) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[1]);
      byte[] expected = Base64.getDecoder().decode(parts[2]);
      return MessageDigest.isEqual(expected, hash(password, salt, count));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  /** The iteration count of a stored hash with its prefix, or 0 if it is no hash of this kind. */
  static int iterationsOf(String storedHash) {
    if (storedHash == null || !storedHash.startsWith(PREFIX)) {
      return 0;
    }
    int dollar = storedHash.indexOf('$', PREFIX.length());
    try {
      return dollar < 0 ? 0 : Integer.parseInt(storedHash.substring(PREFIX.length(), dollar));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static byte[] hash(String password, byte[] salt, int iterations) {
    // PBEKeySpec takes chars; UTF-8 bytes of the password widened to chars keep every password distinct.
    byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
    char[] chars = new char[utf8.length];
    for (int i = 0; i < utf8.length; i++) {
      chars[i] = (char) (utf8[i] & 0xFF);
    }
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }
}
