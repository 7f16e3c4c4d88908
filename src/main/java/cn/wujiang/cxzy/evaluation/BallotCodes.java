package cn.wujiang.cxzy.evaluation;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * One-time ballot codes: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 49
 * bits each. Printed as two groups of five; typed in any case, in full-width characters as a Chinese
 * input method gives them, with or without the dash or spaces.
 * <p>
 * A code is never stored in plain. The codes of an evaluation are derived with HMAC-SHA256 from a key
 * derived from the server's pepper, the evaluation's id, a random salt of the evaluation and the code's
 * number on the sheet, so the sheet can be printed again while the salt exists (the window is open);
 * the database keeps only SHA-256 over the pepper and each code, so the database alone gives no code
 * back, nor lets anyone test a guess.
 */
@Component
class BallotCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 10;

  /** Spaces and the dashes people type between the two groups (ASCII, Unicode and full-width ones). */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D_]");
  private static final BigInteger RADIX = BigInteger.valueOf(ALPHABET.length());

  private final SecureRandom random = new SecureRandom();
  private final EvaluationProperties properties;

  BallotCodes(EvaluationProperties properties) {
    this.properties = properties;
  }

  /** A new random salt for an evaluation's sheet. */
  String newSalt() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  /**
   * The sheet of an evaluation: that many distinct codes, the same each time for the same evaluation
   * and salt. Each is HMAC(key, evaluation id, salt, n) read as a number in base 31 (n from 1, a
   * repeated code skipped).
   */
  List<String> derive(long evaluationId, String salt, int count) {
    Mac mac = mac();
    Set<String> codes = new LinkedHashSet<>();
    for (long n = 1; codes.size() < count; n++) {
      byte[] bytes = mac.doFinal((evaluationId + ":" + salt + ":" + n).getBytes(StandardCharsets.UTF_8));
      BigInteger value = new BigInteger(1, bytes);
      StringBuilder code = new StringBuilder(LENGTH);
      for (int i = 0; i < LENGTH; i++) {
        BigInteger[] qr = value.divideAndRemainder(RADIX);
        code.append(ALPHABET.charAt(qr[1].intValue()));
        value = qr[0];
      }
      codes.add(code.toString());
    }
    return List.copyOf(codes);
  }

  /** HMAC-SHA256 under a key derived from the pepper for this one purpose (not the pepper itself). */
  private Mac mac() {
    try {
      Mac root = Mac.getInstance("HmacSHA256");
      root.init(new SecretKeySpec(properties.requirePepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] key = root.doFinal("cxzy ballot code sheet v1".getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The code as stored and hashed, from what a person typed or scanned; empty where it cannot be one.
   * Full-width letters and digits become ASCII (NFKC), spaces and dashes go, lower case becomes upper.
   */
  static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String code = SEPARATORS.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("")
        .toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return Optional.empty();
    }
    for (char c : code.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(code);
  }

  /** How the code is printed: ABCDE-FGHJK. */
  static String display(String code) {
    return code.substring(0, 5) + "-" + code.substring(5);
  }

  /** The hex SHA-256 of the pepper and the normalized code. */
  String hash(String code) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(properties.requirePepper().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
