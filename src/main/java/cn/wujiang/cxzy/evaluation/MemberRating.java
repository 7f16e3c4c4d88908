package cn.wujiang.cxzy.evaluation;

import cn.wujiang.cxzy.organization.Labelled;

/** How a ballot rates a member, and the points it counts for; a ballot may also leave a member unrated. */
public enum MemberRating implements Labelled {
  EXCELLENT("优秀", 100),
  QUALIFIED("合格", 80),
  BASICALLY_QUALIFIED("基本合格", 60),
  UNQUALIFIED("不合格", 0);

  /** The paper tally's count of ballots that left a member unrated. */
  public static final String SKIPPED = "SKIPPED";

  private final String label;
  private final int points;

  MemberRating(String label, int points) {
    this.label = label;
    this.points = points;
  }

  @Override
  public String label() {
    return label;
  }

  public int points() {
    return points;
  }

  /** 优秀 and 合格: what the trust rate counts. */
  public boolean trusted() {
    return this == EXCELLENT || this == QUALIFIED;
  }
}
