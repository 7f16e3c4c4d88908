package cn.wujiang.cxzy.commitment;

import java.util.List;

import cn.wujiang.cxzy.organization.OrgSystem;

/** The activity carriers (活动载体) the notice gives each system. */
public final class Carriers {

  private static final List<String> EDUCATION = List.of("堡垒工程", "党员教师先锋岗", "党员教研示范岗",
      "党员师德标兵", "名师培养工程");
  private static final List<String> HEALTH = List.of("筑牢坚强堡垒促进事业发展", "展示先锋形象争当健康卫士",
      "课题攻关党员先锋团队", "党员医德标兵", "精神文明品牌化建设");

  private Carriers() {
  }

  public static List<String> of(OrgSystem system) {
    return switch (system) {
      case EDUCATION -> EDUCATION;
      case HEALTH -> HEALTH;
      case GENERAL -> List.of();
    };
  }
}
