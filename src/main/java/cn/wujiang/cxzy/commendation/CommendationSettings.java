package cn.wujiang.cxzy.commendation;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The quotas (名额) of 评选表彰 (application.yaml, cxzy.commendation.shares): per title, the share of
 * the leading body's grassroots organizations (先进基层党组织) or of their members (优秀共产党员; a carrier
 * title: the members of its system) it may commend; at least one where anyone is eligible.
 */
@ConfigurationProperties("cxzy.commendation")
public record CommendationSettings(Map<Title, Double> shares) {

  static final Map<Title, Double> DEFAULTS = Map.of(
      Title.ADVANCED_ORGANIZATION, 0.2,
      Title.OUTSTANDING_MEMBER, 0.1,
      Title.TEACHER_ETHICS_MODEL, 0.05,
      Title.STUDENT_CARE_MODEL, 0.05,
      Title.TOUCHING_FIGURE, 0.05,
      Title.MEDICAL_ETHICS_MODEL, 0.05);

  public CommendationSettings {
    Map<Title, Double> all = new EnumMap<>(DEFAULTS);
    if (shares != null) {
      shares.forEach((title, share) -> {
        if (share != null) {
          all.put(title, Math.max(0, Math.min(1, share)));
        }
      });
    }
    shares = Map.copyOf(all);
  }

  public double share(Title title) {
    return shares.get(title);
  }
}
