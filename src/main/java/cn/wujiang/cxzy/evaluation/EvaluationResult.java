package cn.wujiang.cxzy.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
 * The result of an evaluation for the organization (memberNo null) or one member: the ballots counted,
 * the scores and rates computed from them and the organizational assessment, the grade the rules
 * proposed and the grade that stands.
 */
@Entity
@Table(name = "eval_result")
public class EvaluationResult {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long evaluationId;
  private String memberNo;
  private int electronicBallots;
  private int paperBallots;
  /** Ballots that rated this subject: all for the organization, those not skipping a member. */
  private int rated;
  /** One {@code RATING=count} per rating; for the organization {@code CRITERION.RATING=count}. */
  private String ratingCounts;
  /** The organization's score per criterion, {@code CRITERION=score}. */
  private String criterionScores;
  /** The satisfaction rate of the organization, the trust rate of a member (0 to 1). */
  private BigDecimal rate;
  private BigDecimal massScore;
  private BigDecimal reviewScore;
  private BigDecimal fulfilmentRate;
  private BigDecimal composite;

  @Enumerated(EnumType.STRING)
  private Grade proposedGrade;

  @Column(name = "commendable")
  private Boolean commendable;

  private String note;

  @Enumerated(EnumType.STRING)
  private Grade grade;

  protected EvaluationResult() {
  }

  EvaluationResult(Long evaluationId, String memberNo, Scoring.Result result) {
    this.evaluationId = evaluationId;
    this.memberNo = memberNo;
    this.electronicBallots = result.electronicBallots();
    this.paperBallots = result.paperBallots();
    this.rated = result.rated();
    this.ratingCounts = join(result.counts());
    this.criterionScores = result.criterionScores().isEmpty() ? null : join(result.criterionScores());
    this.rate = result.rate();
    this.massScore = result.massScore();
    this.reviewScore = result.reviewScore();
    this.fulfilmentRate = result.fulfilmentRate();
    this.composite = result.composite();
  }

  void proposed(Grade grade, boolean commendable, String note) {
    this.proposedGrade = grade;
    this.grade = grade;
    this.commendable = commendable;
    this.note = note == null || note.isBlank() ? null : note;
  }

  /** A grade changed by the leading body; a change never makes commendable what the rules did not. */
  void changed(Grade to) {
    this.grade = to;
    this.commendable = Boolean.TRUE.equals(commendable) && to.commendable(isMember());
  }

  private static String join(Map<String, ?> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  private static Map<String, String> split(String text) {
    Map<String, String> result = new LinkedHashMap<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(",")) {
        String[] kv = pair.split("=", 2);
        result.put(kv[0], kv[1]);
      }
    }
    return result;
  }

  public boolean isMember() {
    return memberNo != null;
  }

  public Long getId() {
    return id;
  }

  public Long getEvaluationId() {
    return evaluationId;
  }

  public String getMemberNo() {
    return memberNo;
  }

  public int getElectronicBallots() {
    return electronicBallots;
  }

  public int getPaperBallots() {
    return paperBallots;
  }

  public int getRated() {
    return rated;
  }

  /** Ballots per rating, in the order stored. */
  public Map<String, Integer> getRatingCounts() {
    Map<String, Integer> result = new LinkedHashMap<>();
    split(ratingCounts).forEach((k, v) -> result.put(k, Integer.valueOf(v)));
    return result;
  }

  public Map<String, BigDecimal> getCriterionScores() {
    Map<String, BigDecimal> result = new LinkedHashMap<>();
    split(criterionScores).forEach((k, v) -> result.put(k, "null".equals(v) ? null : new BigDecimal(v)));
    return result;
  }

  public BigDecimal getRate() {
    return rate;
  }

  public BigDecimal getMassScore() {
    return massScore;
  }

  public BigDecimal getReviewScore() {
    return reviewScore;
  }

  public BigDecimal getFulfilmentRate() {
    return fulfilmentRate;
  }

  public BigDecimal getComposite() {
    return composite;
  }

  public Grade getProposedGrade() {
    return proposedGrade;
  }

  public boolean isCommendable() {
    return Boolean.TRUE.equals(commendable);
  }

  public String getNote() {
    return note;
  }

  public Grade getGrade() {
    return grade;
  }
}
