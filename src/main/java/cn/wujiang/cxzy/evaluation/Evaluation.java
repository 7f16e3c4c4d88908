package cn.wujiang.cxzy.evaluation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One organization's mass evaluation (群众评议) in a phase and year: its ballot window and where it stands. */
@Entity
@Table(name = "eval_evaluation")
public class Evaluation {

  /** Where an evaluation stands. */
  public enum Status {
    OPEN("评议中"), CLOSED("评议结束"), SCORED("待确认"), CONFIRMED("已确认"), ANNOUNCED("已通报");

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

  private String orgCode;
  private String phaseId;

  @Column(name = "eval_year")
  private int year;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int codesIssued;
  private Instant openedAt;
  private Instant closesAt;
  private Instant closedAt;
  /** Who ended the evaluation by hand; null where the window ran out or the instance was cancelled. */
  private String closedBy;
  private Integer paperBallots;
  private String paperRecordedBy;
  private Instant paperRecordedAt;
  private Instant scoredAt;
  private String confirmedBy;
  private Instant confirmedAt;

  @Enumerated(EnumType.STRING)
  private EvaluationProperties.AnnounceScope announceScope;

  private Instant announcedAt;

  protected Evaluation() {
  }

  Evaluation(EvaluationKey key, int codesIssued, Instant openedAt, Instant closesAt) {
    this.orgCode = key.orgCode();
    this.phaseId = key.phaseId();
    this.year = key.year();
    this.codesIssued = codesIssued;
    this.openedAt = openedAt;
    this.closesAt = closesAt;
    this.status = Status.OPEN;
  }

  /** Ballots are taken while the evaluation is open and its window has not run out. */
  public boolean acceptsBallots(Instant now) {
    return status == Status.OPEN && now.isBefore(closesAt);
  }

  boolean close(Instant at, String by) {
    if (status != Status.OPEN) {
      return false;
    }
    this.status = Status.CLOSED;
    this.closedAt = at;
    this.closedBy = by;
    return true;
  }

  void paperRecorded(int ballots, String by, Instant at) {
    this.paperBallots = ballots;
    this.paperRecordedBy = by;
    this.paperRecordedAt = at;
  }

  void scored(Instant at) {
    this.status = Status.SCORED;
    this.scoredAt = at;
  }

  void confirmed(String by, Instant at) {
    this.status = Status.CONFIRMED;
    this.confirmedBy = by;
    this.confirmedAt = at;
  }

  void announced(EvaluationProperties.AnnounceScope scope, Instant at) {
    if (status != Status.ANNOUNCED) {
      this.status = Status.ANNOUNCED;
      this.announceScope = scope;
      this.announcedAt = at;
    }
  }

  public EvaluationKey getKey() {
    return new EvaluationKey(orgCode, phaseId, year);
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

  public int getYear() {
    return year;
  }

  public Status getStatus() {
    return status;
  }

  public int getCodesIssued() {
    return codesIssued;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  /** Paper ballots counted; null where none were entered. */
  public Integer getPaperBallots() {
    return paperBallots;
  }

  public String getPaperRecordedBy() {
    return paperRecordedBy;
  }

  public Instant getScoredAt() {
    return scoredAt;
  }

  public String getConfirmedBy() {
    return confirmedBy;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  public EvaluationProperties.AnnounceScope getAnnounceScope() {
    return announceScope;
  }

  public Instant getAnnouncedAt() {
    return announcedAt;
  }
}
