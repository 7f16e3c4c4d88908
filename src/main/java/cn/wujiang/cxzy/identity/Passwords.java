package cn.wujiang.cxzy.identity;

import java.security.SecureRandom;

/** Random initial passwords, without characters that are easily confused when read aloud or copied. */
final class Passwords {

  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {
  }

  static String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
