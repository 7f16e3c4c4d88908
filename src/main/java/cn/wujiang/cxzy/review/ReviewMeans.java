package cn.wujiang.cxzy.review;

import java.util.List;

import cn.wujiang.cxzy.organization.Labelled;

/** How a review was held (点评途径 / 形式), as the notice lists them. */
public enum ReviewMeans implements Labelled {
  ORGANIZATION_LIFE("组织生活会"),
  SURVEY_FORUM("调研座谈会"),
  ANNUAL_SUMMARY("年度总结会"),
  DEMOCRATIC_APPRAISAL("民主评议党员"),
  DUTY_REPORT("述职述廉");

  private final String label;

  ReviewMeans(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The superior reviews an organization through these; an organization reviews a member through those. */
  public static List<ReviewMeans> of(boolean member) {
    return member ? List.of(ORGANIZATION_LIFE, DEMOCRATIC_APPRAISAL, DUTY_REPORT)
        : List.of(ORGANIZATION_LIFE, SURVEY_FORUM, ANNUAL_SUMMARY);
  }
}
