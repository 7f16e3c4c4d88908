package cn.wujiang.cxzy.commendation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One decision on a nomination: at which stage, by which body and person, when, what and why. */
@Entity
@Table(name = "cmd_decision")
public class NominationDecision {

  /** The steps of the process at which a nomination is decided on. */
  public enum Stage {
    PROPOSE("推荐优秀党员"), SELECT("评选"), CO_APPROVE("会签"), CITY_APPROVE("审批推荐"), REVISE("修改推荐");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What was decided. */
  public enum Outcome {
    PROPOSED("推荐"), SELECTED("入选推荐"), NOT_SELECTED("未入选"), APPROVED("同意"), REJECTED("不同意"),
    RESUBMITTED("修改后重新提交"), WITHDRAWN("撤回推荐");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long nominationId;

  @Enumerated(EnumType.STRING)
  private Stage stage;

  /** The body that decided (its organization code; the city office's is its code, not its group). */
  private String bodyCode;
  private String decidedBy;
  private Instant decidedAt;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private String reason;
  /** The submission of the nomination the decision was on. */
  private int submission;

  protected NominationDecision() {
  }

  NominationDecision(Long nominationId, Stage stage, String bodyCode, String decidedBy, Instant decidedAt,
      Outcome outcome, String reason, int submission) {
    this.nominationId = nominationId;
    this.stage = stage;
    this.bodyCode = bodyCode;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.outcome = outcome;
    this.reason = reason;
    this.submission = submission;
  }

  public Long getId() {
    return id;
  }

  public Long getNominationId() {
    return nominationId;
  }

  public Stage getStage() {
    return stage;
  }

  public String getBodyCode() {
    return bodyCode;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public int getSubmission() {
    return submission;
  }
}
