package cn.wujiang.cxzy.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * One-time ballot codes: ten characters drawn with SecureRandom from an alphabet without look-alikes
 * (no 0/O, 1/I/L), about 49 bits each. Printed as two groups of five; typed in any case, with or
 * without the dash or spaces. A code is stored only as SHA-256 over the server's pepper and the code,
 * so the database alone gives no code back, nor lets anyone test a guess.
 */
@Component
class BallotCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 10;

  private final SecureRandom random = new SecureRandom();
  private final EvaluationProperties properties;

  BallotCodes(EvaluationProperties properties) {
    this.properties = properties;
  }

  /** That many distinct new codes. */
  List<String> generate(int count) {
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < count) {
      StringBuilder code = new StringBuilder(LENGTH);
      for (int i = 0; i < LENGTH; i++) {
        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return List.copyOf(codes);
  }

  /** The code as stored and hashed, from what a person typed or scanned; empty where it cannot be one. */
  static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
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
