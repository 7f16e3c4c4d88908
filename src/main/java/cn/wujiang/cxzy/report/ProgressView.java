package cn.wujiang.cxzy.report;

import java.util.List;
import java.util.Map;

/** Helpers for the progress page's chart. */
public final class ProgressView {

  private ProgressView() {
  }

  /** Where each segment of a stacked bar starts: the sum of the segments before it. */
  public static int[] offsets(Map<String, Integer> counts, List<String> columns) {
    int[] offsets = new int[columns.size()];
    int sum = 0;
    for (int i = 0; i < columns.size(); i++) {
      offsets[i] = sum;
      sum += counts.getOrDefault(columns.get(i), 0);
    }
    return offsets;
  }
}
