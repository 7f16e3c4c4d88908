package cn.wujiang.cxzy.commendation;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A title awarded (表彰) to an organization or a member in a phase, as the board announces it. */
@Entity
@Table(name = "cmd_title")
public class AwardedTitle {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long roundId;
  private Long nominationId;
  private String phaseId;
  private String committeeCode;
  private String orgCode;
  private String memberNo;
  private String subject;

  @Enumerated(EnumType.STRING)
  private Title title;

  private BigDecimal composite;
  private Instant awardedAt;

  protected AwardedTitle() {
  }

  AwardedTitle(CommendationRound round, Nomination nomination, BigDecimal composite, Instant awardedAt) {
    this.roundId = round.getId();
    this.nominationId = nomination.getId();
    this.phaseId = round.getPhaseId();
    this.committeeCode = round.getCommitteeCode();
    this.orgCode = nomination.getOrgCode();
    this.memberNo = nomination.getMemberNo();
    this.subject = nomination.getSubject();
    this.title = nomination.getTitle();
    this.composite = composite;
    this.awardedAt = awardedAt;
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

  public Long getNominationId() {
    return nominationId;
  }

  public String getPhaseId() {
    return phaseId;
  }

  public String getCommitteeCode() {
    return committeeCode;
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

  public BigDecimal getComposite() {
    return composite;
  }

  public Instant getAwardedAt() {
    return awardedAt;
  }
}
