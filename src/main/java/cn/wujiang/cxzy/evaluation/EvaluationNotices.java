package cn.wujiang.cxzy.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Recipient;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;

/** What the evaluation tells people: that it has started, and its confirmed results. */
@Component
class EvaluationNotices {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final NotificationService notifications;
  private final OrganizationService organizations;

  EvaluationNotices(NotificationService notifications, OrganizationService organizations) {
    this.notifications = notifications;
    this.organizations = organizations;
  }

  /** Tells the people who act for the organization that the codes are ready to print. */
  int opened(Evaluation evaluation) {
    return notifications.notify("evaluation-opened|" + evaluation.getId(),
        notifications.actingFor(evaluation.getOrgCode()), Template.EVALUATION_OPENED,
        orgName(evaluation), String.valueOf(evaluation.getYear()), evaluation.getCodesIssued(),
        when(evaluation.getClosesAt()));
  }

  /**
   * Tells the organization's members its confirmed result; where the scope is the leading body, tells
   * the other organizations under that body (and the body) as well.
   */
  int announced(Evaluation evaluation, EvaluationResult result) {
    String rate = percent(result.getRate());
    boolean published = evaluation.getAnnounceScope() == EvaluationProperties.AnnounceScope.PUBLIC;
    int sent = notifications.notify("evaluation-announced|" + evaluation.getId(),
        notifications.allMembers(evaluation.getOrgCode()), Template.EVALUATION_ANNOUNCED, orgName(evaluation),
        String.valueOf(evaluation.getYear()), result.getGrade().label(), rate, result.getRated(),
        published ? "结果已在“评议结果”页面向群众公开。" : "结果在上级党组织范围内通报。");
    if (!published) {
      Organization body = organizations.leadingBody(evaluation.getOrgCode());
      List<Recipient> recipients = new ArrayList<>(notifications.actingFor(body.getCode()));
      for (Organization org : organizations.scope(body.getCode())) {
        if (!org.getCode().equals(evaluation.getOrgCode())) {
          recipients.addAll(notifications.actingFor(org.getCode()));
        }
      }
      sent += notifications.notify("evaluation-circulated|" + evaluation.getId(), recipients,
          Template.EVALUATION_CIRCULATED, orgName(evaluation), String.valueOf(evaluation.getYear()), body.getName(),
          result.getGrade().label(), rate, result.getRated());
    }
    return sent;
  }

  static String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static String when(Instant instant) {
    return WHEN.format(instant.atZone(Deadlines.ZONE));
  }

  private String orgName(Evaluation evaluation) {
    return organizations.get(evaluation.getOrgCode()).getName();
  }
}
