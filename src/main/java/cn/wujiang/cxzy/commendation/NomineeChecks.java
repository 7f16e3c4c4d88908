package cn.wujiang.cxzy.commendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.commitment.Commitment;
import cn.wujiang.cxzy.commitment.CommitmentItem;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.review.Review;
import cn.wujiang.cxzy.review.ReviewKey;
import cn.wujiang.cxzy.review.ReviewService;

/**
 * What every approver must be told about a nominee: a rectification ordered in a leadership review and
 * not yet accepted, and commitments not fully honoured (fulfilment rate below 1, items 未兑现). The
 * nominee's own record: an organization's reviews and commitment, a member's reviews and claimed items.
 */
@Component
class NomineeChecks {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ReviewService reviews;
  private final CommitmentService commitments;

  NomineeChecks(ReviewService reviews, CommitmentService commitments) {
    this.reviews = reviews;
    this.commitments = commitments;
  }

  /** The warnings, in Chinese; empty where there is nothing to flag. */
  @Transactional(readOnly = true)
  public List<String> flags(String orgCode, String memberNo, String phaseId) {
    List<String> flags = new ArrayList<>();
    openRectifications(orgCode, memberNo, phaseId).forEach(r -> flags.add("有未完成的整改：第 " + r.getRound()
        + " 次领导点评要求整改" + (r.getRectificationDue() == null ? "" : "，期限 " + DAY.format(r.getRectificationDue()))
        + (r.isRectificationOverdue() ? "，已逾期" : "") + "（" + nullToDash(r.getProblems()) + "）"));
    String commitment = memberNo == null ? organizationCommitment(orgCode, phaseId)
        : memberCommitment(orgCode, memberNo, phaseId);
    if (commitment != null) {
      flags.add(commitment);
    }
    return flags;
  }

  /** The reviews of the nominee in the phase whose rectification has not been accepted. */
  List<Review> openRectifications(String orgCode, String memberNo, String phaseId) {
    ReviewService.PhaseRatings ratings = reviews.ratings(orgCode, phaseId);
    ReviewService.Ratings latest = memberNo == null ? ratings.organization() : ratings.members().get(memberNo);
    List<Review> open = new ArrayList<>();
    if (latest == null) {
      return open;
    }
    for (int round = 1; round <= latest.round(); round++) {
      reviews.find(new ReviewKey(orgCode, memberNo, phaseId, round))
          .filter(r -> r.isRectificationRequired() && r.getRectificationStatus() != Review.RectificationStatus.ACCEPTED)
          .ifPresent(open::add);
    }
    return open;
  }

  private String organizationCommitment(String orgCode, String phaseId) {
    Commitment commitment = commitments.find(orgCode, phaseId).orElse(null);
    if (commitment == null) {
      return null;
    }
    List<CommitmentItem> items = commitments.items(orgCode, phaseId);
    return describe(commitment.getFulfilmentRate(), items, "承诺未全部兑现");
  }

  private String memberCommitment(String orgCode, String memberNo, String phaseId) {
    return commitments.memberCommitment(orgCode, phaseId, memberNo).map(mc -> {
      Set<Integer> claimed = new HashSet<>();
      if (mc.getItemSeqs() != null && !mc.getItemSeqs().isBlank()) {
        for (String s : mc.getItemSeqs().split(",")) {
          claimed.add(Integer.valueOf(s.trim()));
        }
      }
      List<CommitmentItem> items = commitments.items(orgCode, phaseId).stream()
          .filter(i -> claimed.contains(i.getSeq())).toList();
      return describe(null, items, "认领的承诺未全部兑现");
    }).orElse(null);
  }

  /**
   * "承诺未全部兑现（兑现率 75%）：3. 家访（未兑现）" where the rate is below 1 or an item is not fully
   * honoured; null where all is honoured or nothing has been reported yet.
   */
  static String describe(BigDecimal verifiedRate, List<CommitmentItem> items, String what) {
    List<String> short_ = new ArrayList<>();
    double sum = 0;
    int reported = 0;
    for (CommitmentItem item : items) {
      if (item.getFulfilmentStatus() == null) {
        continue;
      }
      reported++;
      sum += item.getFulfilmentStatus().weight();
      if (item.getFulfilmentStatus() != CommitmentItem.Fulfilment.FULFILLED) {
        short_.add(item.getSeq() + ". " + item.getText() + "（" + item.getFulfilmentStatus().label() + "）");
      }
    }
    BigDecimal rate = verifiedRate != null ? verifiedRate
        : reported == 0 ? null : BigDecimal.valueOf(sum / reported);
    if (rate == null || (rate.compareTo(BigDecimal.ONE) >= 0 && short_.isEmpty())) {
      return null;
    }
    String percent = rate.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    return what + "（兑现率 " + percent + "）" + (short_.isEmpty() ? "" : "：" + String.join("；", short_));
  }

  private static String nullToDash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }
}
