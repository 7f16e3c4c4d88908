package cn.wujiang.cxzy.commendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of 排名 and 名额, apart from where the numbers come from.
 * <ul>
 * <li>Candidates are ranked by composite score, highest first; equal scores share a rank and the next
 * rank is skipped (1, 2, 2, 4). Within a rank the higher rate, then the lower code, is listed first.</li>
 * <li>A title's quota is its share of the base (organizations, or members, in the leading body's
 * scope), rounded down, and at least 1 where anyone is eligible; 0 where nobody is.</li>
 * <li>A candidate is within the quota when fewer than quota candidates for the title score higher.</li>
 * </ul>
 */
final class Ranking {

  private Ranking() {
  }

  /** A candidate as the ranking sees it: who, the composite score, the satisfaction or trust rate. */
  record Entry(String subject, BigDecimal composite, BigDecimal rate) {
  }

  record Ranked(Entry entry, int rank) {
  }

  private static final Comparator<BigDecimal> HIGH_FIRST = Comparator.nullsLast(Comparator.reverseOrder());

  static List<Ranked> rank(Collection<Entry> entries) {
    List<Entry> sorted = entries.stream()
        .sorted(Comparator.comparing(Entry::composite, HIGH_FIRST)
            .thenComparing(Entry::rate, HIGH_FIRST)
            .thenComparing(Entry::subject))
        .toList();
    List<Ranked> result = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i);
      int rank = i > 0 && same(sorted.get(i - 1).composite(), e.composite()) ? result.get(i - 1).rank() : i + 1;
      result.add(new Ranked(e, rank));
    }
    return result;
  }

  /** The rank a composite score has among the scores of a title's candidates (1 + those above it). */
  static int rankAmong(BigDecimal composite, Collection<BigDecimal> pool) {
    int above = 0;
    for (BigDecimal other : pool) {
      if (other != null && (composite == null || other.compareTo(composite) > 0)) {
        above++;
      }
    }
    return above + 1;
  }

  /** floor(share × base), at least 1 where anyone is eligible, 0 where nobody is. */
  static int quota(double share, int base, int eligible) {
    if (eligible <= 0) {
      return 0;
    }
    int byShare = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(base))
        .setScale(0, RoundingMode.FLOOR).intValueExact();
    return Math.max(1, byShare);
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
