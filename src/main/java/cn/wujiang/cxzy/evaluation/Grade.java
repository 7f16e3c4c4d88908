package cn.wujiang.cxzy.evaluation;

import java.util.List;
import java.util.Optional;

import cn.wujiang.cxzy.organization.Labelled;

/** The grade (等次) of an organization (优秀 / 良好 / 合格 / 不合格) or a member (优秀 / 合格 / 基本合格 / 不合格). */
public enum Grade implements Labelled {
  EXCELLENT("优秀"),
  GOOD("良好"),
  QUALIFIED("合格"),
  BASICALLY_QUALIFIED("基本合格"),
  UNQUALIFIED("不合格");

  private static final List<Grade> ORGANIZATION = List.of(EXCELLENT, GOOD, QUALIFIED, UNQUALIFIED);
  private static final List<Grade> MEMBER = List.of(EXCELLENT, QUALIFIED, BASICALLY_QUALIFIED, UNQUALIFIED);

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The grades an organization, or a member, can be given. */
  public static List<Grade> of(boolean member) {
    return member ? MEMBER : ORGANIZATION;
  }

  /** The grades that can lead to commendation: 优秀 and 良好 for an organization, 优秀 for a member. */
  public boolean commendable(boolean member) {
    return this == EXCELLENT || (!member && this == GOOD);
  }

  public static Optional<Grade> ofLabel(String label) {
    return Labelled.parse(Grade.class, label);
  }
}
