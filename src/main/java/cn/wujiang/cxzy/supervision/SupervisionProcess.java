package cn.wujiang.cxzy.supervision;

/** Ids and variable names of the supervision (督查) process. */
public final class SupervisionProcess {

  public static final String KEY = "supervision";

  private SupervisionProcess() {
  }

  /** Process variables: ids and decisions. */
  public static final class Var {
    public static final String PHASE_ID = "phaseId";
    public static final String DRAW_ID = "drawId";
    public static final String ORGS = "inspectionOrgs";
    public static final String ORG_CODE = "orgCode";
    public static final String PASSED = "inspectionPassed";
    public static final String DUE = "improvementDue";
    public static final String ACCEPTED = "improvementAccepted";

    private Var() {
    }
  }

  /** Form fields (task-local). */
  public static final class Field {
    public static final String ORG_NAME = "orgName";
    public static final String PHASE_NAME = "phaseName";
    public static final String FINDINGS = "findings";
    public static final String RESULT = "result";
    public static final String DEADLINE = "deadline";
    public static final String DEADLINE_TEXT = "deadlineText";
    public static final String REPORT = "report";
    public static final String RETURN_COMMENT = "returnComment";
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    public static final String DRAW_NOTE = "drawNote";

    private Field() {
    }
  }
}
