package cn.wujiang.cxzy.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.organization.OrganizationService;

/** Reviews and the rectifications they order: what the leadershipReview process saves and scoring reads. */
@Service
@Transactional
public class ReviewService {

  private final ReviewRepository reviews;
  private final OrganizationService organizations;
  private final Clock clock;

  ReviewService(ReviewRepository reviews, OrganizationService organizations, Clock clock) {
    this.reviews = reviews;
    this.organizations = organizations;
    this.clock = clock;
  }

  /** What a reviewer entered; a rectification is ordered where it has a deadline. */
  public record Entry(ReviewMeans means, Map<Criterion, Rating> ratings, String achievements, String problems,
      String wayForward, String comments, LocalDate rectificationDue) {
  }

  /** The ratings of one review and their average score (优秀 100, 良好 85, 一般 70, 较差 50). */
  public record Ratings(int round, Map<Criterion, Rating> ratings, BigDecimal average) {

    public int score(Criterion criterion) {
      Rating rating = ratings.get(criterion);
      return rating == null ? 0 : rating.score();
    }
  }

  /**
   * The latest ratings in a phase: the organization's (null before its first review) and each
   * reviewed member's, by member number.
   */
  public record PhaseRatings(Ratings organization, Map<String, Ratings> members) {
  }

  @Transactional(readOnly = true)
  public Optional<Review> find(ReviewKey key) {
    return key.isMember()
        ? reviews.findByOrgCodeAndMemberNoAndPhaseIdAndRound(key.orgCode(), key.memberNo(), key.phaseId(), key.round())
        : reviews.findByOrgCodeAndMemberNoIsNullAndPhaseIdAndRound(key.orgCode(), key.phaseId(), key.round());
  }

  @Transactional(readOnly = true)
  public Review get(ReviewKey key) {
    return find(key).orElseThrow(() -> new IllegalStateException("no review " + key));
  }

  /**
   * Saves a review, replacing an earlier save of the same one. The reviewer acts for the
   * organization's direct leader, or for the organization where a member is reviewed.
   */
  public Review record(ReviewKey key, Entry entry, String reviewer) {
    Review review = find(key).orElseGet(() -> new Review(key, key.isMember()
        ? key.orgCode() : organizations.directLeader(key.orgCode()).getCode()));
    review.record(entry, reviewer, clock.instant());
    return reviews.save(review);
  }

  public Review reportRectification(ReviewKey key, String report, String by) {
    Review review = get(key);
    review.reported(report, by, clock.instant());
    return review;
  }

  public Review returnRectification(ReviewKey key, String comment, String by) {
    Review review = get(key);
    review.returned(comment, by, clock.instant());
    return review;
  }

  public Review acceptRectification(ReviewKey key, String comment, String by) {
    Review review = get(key);
    review.accepted(comment, by, clock.instant());
    return review;
  }

  /** Records that the rectification was not accepted by its deadline. */
  public Review markOverdue(ReviewKey key) {
    Review review = get(key);
    review.overdue();
    return review;
  }

  /** For the organizational assessment: the latest ratings of the organization and of each member. */
  @Transactional(readOnly = true)
  public PhaseRatings ratings(String orgCode, String phaseId) {
    Ratings organization = null;
    Map<String, Ratings> members = new LinkedHashMap<>();
    for (Review review : reviews.findByOrgCodeAndPhaseIdOrderByRoundDescReviewedAtDesc(orgCode, phaseId)) {
      Ratings ratings = new Ratings(review.getRound(), review.getRatings(), average(review.getRatings()));
      if (review.getMemberNo() == null) {
        organization = organization == null ? ratings : organization;
      } else {
        members.putIfAbsent(review.getMemberNo(), ratings);
      }
    }
    return new PhaseRatings(organization, members);
  }

  static BigDecimal average(Map<Criterion, Rating> ratings) {
    if (ratings.isEmpty()) {
      return BigDecimal.ZERO;
    }
    int sum = ratings.values().stream().mapToInt(Rating::score).sum();
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP);
  }
}
