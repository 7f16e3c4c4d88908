package cn.wujiang.cxzy.review;

import java.util.Arrays;
import java.util.List;

import cn.wujiang.cxzy.organization.Labelled;

/**
 * What a review rates: the 五个好 of an advanced organization and the 五带头 of an outstanding member.
 * The key is the form field of the rating.
 */
public enum Criterion implements Labelled {
  LEADERSHIP("领导班子好", "ratingLeadership", false),
  MEMBERSHIP("党员队伍好", "ratingMembership", false),
  MECHANISM("工作机制好", "ratingMechanism", false),
  PERFORMANCE("工作业绩好", "ratingPerformance", false),
  PUBLIC_FEEDBACK("群众反映好", "ratingPublicFeedback", false),
  LEARNING("带头学习提高", "ratingLearning", true),
  ACHIEVEMENT("带头争创佳绩", "ratingAchievement", true),
  SERVICE("带头服务群众", "ratingService", true),
  LAW_ABIDING("带头遵纪守法", "ratingLawAbiding", true),
  INTEGRITY("带头弘扬正气", "ratingIntegrity", true);

  private final String label;
  private final String key;
  private final boolean member;

  Criterion(String label, String key, boolean member) {
    this.label = label;
    this.key = key;
    this.member = member;
  }

  @Override
  public String label() {
    return label;
  }

  public String key() {
    return key;
  }

  /** The five criteria of an organization's review, or of a member's. */
  public static List<Criterion> of(boolean member) {
    return Arrays.stream(values()).filter(c -> c.member == member).toList();
  }
}
