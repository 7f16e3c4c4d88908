package cn.wujiang.cxzy.commitment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's own commitment: the items claimed (认领承诺项目) and what the member promises. */
@Entity
@Table(name = "cmt_member_commitment")
public class MemberCommitment {

  /** Where a member's commitment stands. */
  public enum Status { CLAIMED, RETURNED, CONFIRMED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long commitmentId;
  private String memberNo;
  private String itemSeqs;
  private String text;
  private String recordedBy;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String returnComment;

  protected MemberCommitment() {
  }

  MemberCommitment(Long commitmentId, String memberNo) {
    this.commitmentId = commitmentId;
    this.memberNo = memberNo;
  }

  void claim(String itemSeqs, String text, String recordedBy) {
    this.itemSeqs = itemSeqs;
    this.text = text;
    this.recordedBy = recordedBy;
    this.status = Status.CLAIMED;
  }

  void returned(String comment) {
    this.status = Status.RETURNED;
    this.returnComment = comment;
  }

  void confirmed() {
    this.status = Status.CONFIRMED;
  }

  public String getMemberNo() {
    return memberNo;
  }

  public String getItemSeqs() {
    return itemSeqs;
  }

  public String getText() {
    return text;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Status getStatus() {
    return status;
  }

  public String getReturnComment() {
    return returnComment;
  }

  public Long getCommitmentId() {
    return commitmentId;
  }
}
