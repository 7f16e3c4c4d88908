package cn.wujiang.cxzy.identity;

import java.security.SecureRandom;

/**
 * Random initial passwords, without characters that are easily confused when read aloud or copied, and
 * with a lower-case letter, an upper-case letter and a digit each, as the password policy asks.
 */
final class Passwords {

  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {
  }

  static String random(int length) {
    char[] chars = new char[length];
    do {
      for (int i = 0; i < length; i++) {
        chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
      }
    } while (!mixed(chars));
    return new String(chars);
  }

  private static boolean mixed(char[] chars) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    for (char c : chars) {
      lower |= Character.isLowerCase(c);
      upper |= Character.isUpperCase(c);
      digit |= Character.isDigit(c);
    }
    return lower && upper && digit;
  }
}
