package cn.wujiang.cxzy.organization;

import java.util.Arrays;
import java.util.Optional;

/** An enum with a Chinese label, parsed from the label or the constant's name. */
public interface Labelled {

  String label();

  static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.label().equals(t) || e.name().equalsIgnoreCase(t))
        .findFirst();
  }
}
