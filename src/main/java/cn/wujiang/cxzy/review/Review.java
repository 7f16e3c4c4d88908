package cn.wujiang.cxzy.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One review (领导点评) of an organization by its direct leader, or of a member (memberNo set) by the
 * organization, in one round of a phase; with the rectification it ordered (督促整改).
 */
@Entity
@Table(name = "rev_review")
public class Review {

  /** Where an ordered rectification stands. */
  public enum RectificationStatus { ORDERED, REPORTED, RETURNED, ACCEPTED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String orgCode;
  private String memberNo;
  private String phaseId;
  private int round;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_form")
  private ReviewMeans means;

  /** One {@code CRITERION=RATING} per criterion, separated by commas. */
  private String ratings;

  private String achievements;
  private String problems;
  private String wayForward;
  private String comments;
  private boolean rectificationRequired;
  private LocalDate rectificationDue;
  private String reviewer;
  private String reviewerOrgCode;
  private Instant reviewedAt;

  @Enumerated(EnumType.STRING)
  private RectificationStatus rectificationStatus;

  private String rectificationReport;
  private String rectificationReportedBy;
  private Instant rectificationReportedAt;
  private String verificationComment;
  private String rectificationVerifiedBy;
  private Instant rectificationVerifiedAt;
  private boolean rectificationOverdue;

  protected Review() {
  }

  Review(ReviewKey key, String reviewerOrgCode) {
    this.orgCode = key.orgCode();
    this.memberNo = key.memberNo();
    this.phaseId = key.phaseId();
    this.round = key.round();
    this.reviewerOrgCode = reviewerOrgCode;
  }

  void record(ReviewService.Entry entry, String reviewer, Instant at) {
    this.means = entry.means();
    this.ratings = entry.ratings().entrySet().stream()
        .map(e -> e.getKey().name() + "=" + e.getValue().name())
        .collect(Collectors.joining(","));
    this.achievements = entry.achievements();
    this.problems = entry.problems();
    this.wayForward = entry.wayForward();
    this.comments = entry.comments();
    this.rectificationRequired = entry.rectificationDue() != null;
    this.rectificationDue = entry.rectificationDue();
    this.rectificationStatus = rectificationRequired ? RectificationStatus.ORDERED : null;
    this.reviewer = reviewer;
    this.reviewedAt = at;
  }

  void reported(String report, String by, Instant at) {
    this.rectificationReport = report;
    this.rectificationReportedBy = by;
    this.rectificationReportedAt = at;
    this.rectificationStatus = RectificationStatus.REPORTED;
  }

  void returned(String comment, String by, Instant at) {
    this.verificationComment = comment;
    this.rectificationVerifiedBy = by;
    this.rectificationVerifiedAt = at;
    this.rectificationStatus = RectificationStatus.RETURNED;
  }

  void accepted(String comment, String by, Instant at) {
    this.verificationComment = comment;
    this.rectificationVerifiedBy = by;
    this.rectificationVerifiedAt = at;
    this.rectificationStatus = RectificationStatus.ACCEPTED;
  }

  void overdue() {
    this.rectificationOverdue = true;
  }

  public Long getId() {
    return id;
  }

  public ReviewKey getKey() {
    return new ReviewKey(orgCode, memberNo, phaseId, round);
  }

  public String getOrgCode() {
    return orgCode;
  }

  public String getMemberNo() {
    return memberNo;
  }

  public String getPhaseId() {
    return phaseId;
  }

  public int getRound() {
    return round;
  }

  public ReviewMeans getMeans() {
    return means;
  }

  /** The rating of each criterion, in the criteria's order. */
  public Map<Criterion, Rating> getRatings() {
    Map<Criterion, Rating> result = new EnumMap<>(Criterion.class);
    if (ratings != null && !ratings.isBlank()) {
      for (String pair : ratings.split(",")) {
        String[] kv = pair.split("=", 2);
        result.put(Criterion.valueOf(kv[0].trim()), Rating.valueOf(kv[1].trim()));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  public String getAchievements() {
    return achievements;
  }

  public String getProblems() {
    return problems;
  }

  public String getWayForward() {
    return wayForward;
  }

  public String getComments() {
    return comments;
  }

  public boolean isRectificationRequired() {
    return rectificationRequired;
  }

  public LocalDate getRectificationDue() {
    return rectificationDue;
  }

  public String getReviewer() {
    return reviewer;
  }

  public String getReviewerOrgCode() {
    return reviewerOrgCode;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public RectificationStatus getRectificationStatus() {
    return rectificationStatus;
  }

  public String getRectificationReport() {
    return rectificationReport;
  }

  public String getRectificationReportedBy() {
    return rectificationReportedBy;
  }

  public String getVerificationComment() {
    return verificationComment;
  }

  public String getRectificationVerifiedBy() {
    return rectificationVerifiedBy;
  }

  public boolean isRectificationOverdue() {
    return rectificationOverdue;
  }
}
