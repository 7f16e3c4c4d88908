package cn.wujiang.cxzy.commendation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A grassroots organization's answer in 推荐优秀党员: how many it nominated, or why it nominated none. */
@Entity
@Table(name = "cmd_reply")
public class NominationReply {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long roundId;
  private String orgCode;
  private int nominated;
  private String noneReason;
  private String repliedBy;
  private Instant repliedAt;

  protected NominationReply() {
  }

  NominationReply(Long roundId, String orgCode, int nominated, String noneReason, String repliedBy,
      Instant repliedAt) {
    this.roundId = roundId;
    this.orgCode = orgCode;
    this.nominated = nominated;
    this.noneReason = noneReason;
    this.repliedBy = repliedBy;
    this.repliedAt = repliedAt;
  }

  public String getOrgCode() {
    return orgCode;
  }

  public int getNominated() {
    return nominated;
  }

  public String getNoneReason() {
    return noneReason;
  }

  public String getRepliedBy() {
    return repliedBy;
  }

  public Instant getRepliedAt() {
    return repliedAt;
  }
}
