package cn.wujiang.cxzy.supervision;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One inspection (督查) of a drawn organization, and its improvement within a deadline (限期改进). */
@Entity
@Table(name = "sup_inspection")
public class Inspection {

  /** The inspector's finding. */
  public enum Result {
    DONE("到位"), MOSTLY_DONE("基本到位"), NOT_DONE("不到位");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Result ofLabel(String label) {
      for (Result r : values()) {
        if (r.label.equals(label)) {
          return r;
        }
      }
      throw new IllegalArgumentException(label);
    }
  }

  /** Where an inspection stands. */
  public enum Status { OPEN, PASSED, IMPROVING, IMPROVED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String drawId;
  private String orgCode;
  private String inspector;
  private String findings;

  @Enumerated(EnumType.STRING)
  private Result result;

  private LocalDate improvementDue;
  private String improvementReport;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String verifiedBy;
  private String verificationComment;
  private boolean overdue;

  protected Inspection() {
  }

  Inspection(String drawId, String orgCode) {
    this.drawId = drawId;
    this.orgCode = orgCode;
    this.status = Status.OPEN;
  }

  void record(String inspector, String findings, Result result, LocalDate improvementDue) {
    this.inspector = inspector;
    this.findings = findings;
    this.result = result;
    this.improvementDue = improvementDue;
    this.status = result == Result.NOT_DONE ? Status.IMPROVING : Status.PASSED;
  }

  void report(String report) {
    this.improvementReport = report;
  }

  void verify(String by, boolean accepted, String comment) {
    this.verifiedBy = by;
    this.verificationComment = comment;
    if (accepted) {
      this.status = Status.IMPROVED;
    }
  }

  void markOverdue() {
    this.overdue = true;
  }

  public Long getId() {
    return id;
  }

  public String getDrawId() {
    return drawId;
  }

  public String getOrgCode() {
    return orgCode;
  }

  public String getInspector() {
    return inspector;
  }

  public String getFindings() {
    return findings;
  }

  public Result getResult() {
    return result;
  }

  public LocalDate getImprovementDue() {
    return improvementDue;
  }

  public String getImprovementReport() {
    return improvementReport;
  }

  public Status getStatus() {
    return status;
  }

  public String getVerificationComment() {
    return verificationComment;
  }

  public boolean isOverdue() {
    return overdue;
  }
}
