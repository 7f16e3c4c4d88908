package cn.wujiang.cxzy.review;

import cn.wujiang.cxzy.organization.Labelled;

/** A rating of one criterion, and the score it counts for in the organizational assessment. */
public enum Rating implements Labelled {
  EXCELLENT("优秀", 100),
  GOOD("良好", 85),
  FAIR("一般", 70),
  POOR("较差", 50);

  private final String label;
  private final int score;

  Rating(String label, int score) {
    this.label = label;
    this.score = score;
  }

  @Override
  public String label() {
    return label;
  }

  public int score() {
    return score;
  }
}
