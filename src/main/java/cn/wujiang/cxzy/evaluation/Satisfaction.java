package cn.wujiang.cxzy.evaluation;

import cn.wujiang.cxzy.organization.Labelled;

/**
 * How satisfied a ballot is with one of the organization's 五个好, and the points it counts for.
 * 不了解 counts for nothing and is left out of the satisfaction rate.
 */
public enum Satisfaction implements Labelled {
  SATISFIED("满意", 100),
  BASICALLY_SATISFIED("基本满意", 60),
  DISSATISFIED("不满意", 0),
  UNKNOWN("不了解", null);

  private final String label;
  private final Integer points;

  Satisfaction(String label, Integer points) {
    this.label = label;
    this.points = points;
  }

  @Override
  public String label() {
    return label;
  }

  /** The points of the rating; null for 不了解. */
  public Integer points() {
    return points;
  }

  /** 满意 and 基本满意: what the satisfaction rate counts. */
  public boolean satisfied() {
    return this == SATISFIED || this == BASICALLY_SATISFIED;
  }
}
