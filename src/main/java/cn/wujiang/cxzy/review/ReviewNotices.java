package cn.wujiang.cxzy.review;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Recipient;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** What the review tells people: a rectification ordered, a rectification overdue. */
@Component
class ReviewNotices {

  private final NotificationService notifications;
  private final OrganizationService organizations;

  ReviewNotices(NotificationService notifications, OrganizationService organizations) {
    this.notifications = notifications;
    this.organizations = organizations;
  }

  /** Tells the organization, or the member (and the organization where the member has no login). */
  int rectificationOrdered(Review review) {
    List<Recipient> recipients = new ArrayList<>();
    if (review.getMemberNo() == null) {
      recipients.addAll(notifications.actingFor(review.getOrgCode()));
    } else {
      recipients.addAll(notifications.member(review.getMemberNo()));
      if (organizations.member(review.getMemberNo()).map(Member::getUsername).isEmpty()) {
        recipients.addAll(notifications.actingFor(review.getOrgCode()));
      }
    }
    return notifications.notify("rectification-ordered|" + review.getId(), recipients,
        Template.RECTIFICATION_ORDERED, orgName(review), subject(review),
        ReviewForms.day(review.getRectificationDue()), review.getProblems());
  }

  /** Tells the body above the reviewer. */
  int rectificationOverdue(Review review) {
    return notifications.notify("rectification-overdue|" + review.getId(),
        notifications.actingForGroup(superiorGroup(review.getReviewerOrgCode())),
        Template.RECTIFICATION_OVERDUE, orgName(review), subject(review),
        ReviewForms.day(review.getRectificationDue()));
  }

  /**
   * The group of the body above a reviewer: the direct leader of the reviewing body, which is the
   * city office for a body directly under it.
   */
  String superiorGroup(String reviewerOrgCode) {
    Organization reviewer = organizations.get(reviewerOrgCode);
    return reviewer.isCityOffice() ? OrganizationService.CITY_OFFICE_GROUP
        : organizations.leaderGroupOf(reviewerOrgCode);
  }

  private String orgName(Review review) {
    return organizations.get(review.getOrgCode()).getName();
  }

  /** Who must rectify: the organization, or a member of it. */
  private String subject(Review review) {
    if (review.getMemberNo() == null) {
      return orgName(review);
    }
    return orgName(review) + "党员" + organizations.member(review.getMemberNo()).map(Member::getName)
        .orElse(review.getMemberNo());
  }
}
