package cn.wujiang.cxzy.commendation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One leading body's 评选表彰 in one phase. */
@Entity
@Table(name = "cmd_round")
public class CommendationRound {

  /** Where a round stands. */
  public enum Status {
    RANKED("已排名"), NO_CANDIDATES("无符合条件对象"), SELECTED("已评选"), COMMENDED("已表彰");

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

  private String committeeCode;
  private String phaseId;

  @Enumerated(EnumType.STRING)
  private Status status;

  private Instant rankedAt;
  private String selectedBy;
  private Instant selectedAt;
  /** Why the committee nominated nobody, where it did. */
  private String selectionNote;
  private Instant commendedAt;

  protected CommendationRound() {
  }

  CommendationRound(String committeeCode, String phaseId, Instant rankedAt) {
    this.committeeCode = committeeCode;
    this.phaseId = phaseId;
    this.rankedAt = rankedAt;
    this.status = Status.RANKED;
  }

  void ranked(boolean anyCandidate, Instant at) {
    this.status = anyCandidate ? Status.RANKED : Status.NO_CANDIDATES;
    this.rankedAt = at;
  }

  void selected(String by, Instant at, String note) {
    this.status = Status.SELECTED;
    this.selectedBy = by;
    this.selectedAt = at;
    this.selectionNote = note;
  }

  void commended(Instant at) {
    this.status = Status.COMMENDED;
    this.commendedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getCommitteeCode() {
    return committeeCode;
  }

  public String getPhaseId() {
    return phaseId;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getRankedAt() {
    return rankedAt;
  }

  public String getSelectedBy() {
    return selectedBy;
  }

  public Instant getSelectedAt() {
    return selectedAt;
  }

  public String getSelectionNote() {
    return selectionNote;
  }

  public Instant getCommendedAt() {
    return commendedAt;
  }
}
