package cn.wujiang.cxzy.evaluation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A grade changed by the leading body when it confirmed the results: who, when and why. */
@Entity
@Table(name = "eval_grade_change")
public class GradeChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long resultId;

  @Enumerated(EnumType.STRING)
  private Grade fromGrade;

  @Enumerated(EnumType.STRING)
  private Grade toGrade;

  private String reason;
  private String changedBy;
  private Instant changedAt;

  protected GradeChange() {
  }

  GradeChange(Long resultId, Grade fromGrade, Grade toGrade, String reason, String changedBy, Instant changedAt) {
    this.resultId = resultId;
    this.fromGrade = fromGrade;
    this.toGrade = toGrade;
    this.reason = reason;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  public Long getResultId() {
    return resultId;
  }

  public Grade getFromGrade() {
    return fromGrade;
  }

  public Grade getToGrade() {
    return toGrade;
  }

  public String getReason() {
    return reason;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
