package cn.wujiang.cxzy.commendation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A nomination for one title: an organization for 先进基层党组织 (made by the committee at 评选), or a
 * member (proposed by the member's organization, forwarded or not by the committee).
 */
@Entity
@Table(name = "cmd_nomination")
public class Nomination {

  /** Where a nomination stands. */
  public enum Status {
    PROPOSED("待评选"), NOT_SELECTED("未入选"), IN_APPROVAL("审批中"), RETURNED("退回修改"),
    JOINT_REJECTED("会签未通过"), WITHDRAWN("已撤回"), APPROVED("已批准"), COMMENDED("已表彰");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long roundId;
  private String phaseId;
  private String orgCode;
  private String memberNo;
  private String subject;

  @Enumerated(EnumType.STRING)
  private Title title;

  private String deeds;

  @Enumerated(EnumType.STRING)
  private Status status;

  /** Nominated although ranked beyond the title's quota; the committee's reason. */
  private boolean outsideQuota;
  private String outsideReason;
  /** 1 for the first submission to the approvers, one more for each resubmission. */
  private int submissions;
  private String createdBy;
  private Instant createdAt;

  protected Nomination() {
  }

  Nomination(Long roundId, String phaseId, String orgCode, String memberNo, Title title, String deeds,
      Status status, String createdBy, Instant createdAt) {
    this.roundId = roundId;
    this.phaseId = phaseId;
    this.orgCode = orgCode;
    this.memberNo = memberNo;
    this.subject = memberNo == null ? orgCode : memberNo;
    this.title = title;
    this.deeds = deeds;
    this.status = status;
    this.submissions = 1;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void selected(boolean outside, String reason) {
    this.status = Status.IN_APPROVAL;
    this.outsideQuota = outside;
    this.outsideReason = outside ? reason : null;
  }

  void notSelected() {
    this.status = Status.NOT_SELECTED;
  }

  void status(Status status) {
    this.status = status;
  }

  void resubmitted(String deeds) {
    this.deeds = deeds;
    this.submissions++;
    this.status = Status.IN_APPROVAL;
  }

  public boolean isMember() {
    return memberNo != null;
  }

  public Long getId() {
    return id;
  }

  public Long getRoundId() {
    return roundId;
  }

  public String getPhaseId() {
    return phaseId;
  }

  public String getOrgCode() {
    return orgCode;
  }

  public String getMemberNo() {
    return memberNo;
  }

  public String getSubject() {
    return subject;
  }

  public Title getTitle() {
    return title;
  }

  public String getDeeds() {
    return deeds;
  }

  public Status getStatus() {
    return status;
  }

  public boolean isOutsideQuota() {
    return outsideQuota;
  }

  public String getOutsideReason() {
    return outsideReason;
  }

  public int getSubmissions() {
    return submissions;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
