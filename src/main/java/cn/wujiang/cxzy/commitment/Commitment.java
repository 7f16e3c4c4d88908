package cn.wujiang.cxzy.commitment;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organization's public commitment for one phase (公开承诺). */
@Entity
@Table(name = "cmt_commitment")
public class Commitment {

  /** Where a commitment stands. */
  public enum Status { SUBMITTED, RETURNED, APPROVED, PUBLISHED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String orgCode;
  private String phaseId;
  private String guidance;
  private String phaseGoals;
  private String standardOrg;
  private String standardMember;
  private String carriers;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int returnCount;
  private String lastComment;
  private String approvedBy;
  private Instant approvedAt;
  private Instant publishedAt;
  private BigDecimal fulfilmentRate;
  private String fulfilmentVerifiedBy;
  private String fulfilmentComment;

  protected Commitment() {
  }

  Commitment(String orgCode, String phaseId) {
    this.orgCode = orgCode;
    this.phaseId = phaseId;
    this.status = Status.SUBMITTED;
  }

  void draft(String guidance, String phaseGoals, String standardOrg, String standardMember, String carriers) {
    this.guidance = guidance;
    this.phaseGoals = phaseGoals;
    this.standardOrg = standardOrg;
    this.standardMember = standardMember;
    this.carriers = carriers;
    this.status = Status.SUBMITTED;
  }

  int returned(String comment) {
    this.status = Status.RETURNED;
    this.lastComment = comment;
    return ++returnCount;
  }

  void approved(String by, Instant at, String comment) {
    this.status = Status.APPROVED;
    this.approvedBy = by;
    this.approvedAt = at;
    this.lastComment = comment;
    this.returnCount = 0;
  }

  void published(Instant at) {
    if (status != Status.PUBLISHED) {
      this.status = Status.PUBLISHED;
      this.publishedAt = at;
    }
  }

  void fulfilmentVerified(BigDecimal rate, String by, String comment) {
    this.fulfilmentRate = rate;
    this.fulfilmentVerifiedBy = by;
    this.fulfilmentComment = comment;
  }

  void fulfilmentReturned(String comment) {
    this.fulfilmentComment = comment;
  }

  public Long getId() {
    return id;
  }

  public String getOrgCode() {
    return orgCode;
  }

  public String getPhaseId() {
    return phaseId;
  }

  public String getGuidance() {
    return guidance;
  }

  public String getPhaseGoals() {
    return phaseGoals;
  }

  public String getStandardOrg() {
    return standardOrg;
  }

  public String getStandardMember() {
    return standardMember;
  }

  public String getCarriers() {
    return carriers;
  }

  public Status getStatus() {
    return status;
  }

  public int getReturnCount() {
    return returnCount;
  }

  public String getLastComment() {
    return lastComment;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public BigDecimal getFulfilmentRate() {
    return fulfilmentRate;
  }

  public String getFulfilmentComment() {
    return fulfilmentComment;
  }
}
