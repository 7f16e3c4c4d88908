package cn.wujiang.cxzy.evaluation;

/** Ids and variable names of the massEvaluation process and the grading decision. */
public final class EvaluationProcess {

  public static final String KEY = "massEvaluation";
  /** The decision table of processes/grading.dmn. */
  public static final String DECISION = "grading";

  private EvaluationProcess() {
  }

  /** Process variables: ids, the window's end and decisions only. Ballots never. */
  public static final class Var {
    public static final String ORG_CODE = "orgCode";
    public static final String PHASE_ID = "phaseId";
    public static final String YEAR = "year";
    /** When the ballot window closes (the timer on 组织评议). */
    public static final String WINDOW_CLOSES = "windowCloses";
    /** Whether paper ballots are to be tallied after the window closes; asked unless the organization says no. */
    public static final String PAPER_BALLOTS = "paperBallots";
    public static final String RESULTS_CONFIRMED = "resultsConfirmed";

    private Var() {
    }
  }

  /** Form field keys (task-local; see TaskForms). */
  public static final class Field {
    public static final String ORG_NAME = "orgName";
    public static final String PHASE_NAME = "phaseName";
    public static final String YEAR_NAME = "yearName";
    public static final String WINDOW_CLOSES_TEXT = "windowClosesText";
    public static final String CODES_ISSUED = "codesIssued";
    public static final String SHEET_URL = "sheetUrl";
    public static final String BALLOT_URL = "ballotUrl";
    public static final String USE_PAPER = "usePaper";
    public static final String PAPER_BALLOT_COUNT = "paperBallotCount";
    public static final String TALLY_MEMBERS = "tallyMembers";
    public static final String SUMMARY = "summary";
    public static final String RESULTS = "results";
    public static final String CRITERIA = "criteria";
    public static final String OPINIONS_URL = "opinionsUrl";
    public static final String CHANGES = "changes";
    public static final String DECISION = "decision";
    public static final String SUBJECT_OPTIONS = "subjectOptions";
    public static final String CHANGE_SUBJECT = "changeSubject";
    public static final String NEW_GRADE = "newGrade";
    public static final String CHANGE_REASON = "changeReason";

    /** The paper count of one satisfaction rating of one of the organization's criteria. */
    public static String criterionCount(String criterion, String satisfaction) {
      return "tally_" + criterion + "_" + satisfaction;
    }

    /** The name shown in the i-th member row of the paper tally (from 1). */
    public static String tallyMember(int i) {
      return "tallyMember_" + i;
    }

    /** The paper count of one rating (or SKIPPED) of the i-th member. */
    public static String memberCount(int i, String rating) {
      return "tally_m" + i + "_" + rating;
    }

    private Field() {
    }
  }

  /** Element ids the code and the tests refer to. */
  public static final class Element {
    public static final String GENERATE_CODES = "ServiceTask_GenerateCodes";
    public static final String RUN_EVALUATION = "Task_RunEvaluation";
    public static final String WINDOW_CLOSES = "Timer_WindowCloses";
    public static final String ENTER_PAPER_TALLIES = "Task_EnterPaperTallies";
    public static final String SCORE = "ServiceTask_ScoreEvaluation";
    public static final String GRADE = "BusinessRuleTask_Grade";
    public static final String CONFIRM_RESULTS = "Task_ConfirmResults";
    public static final String ANNOUNCE = "ServiceTask_AnnounceResults";

    private Element() {
    }
  }

  /** Values of the radio buttons. */
  public static final class Decision {
    public static final String PAPER = "paper";
    public static final String NO_PAPER = "none";
    public static final String CONFIRM = "confirm";
    public static final String CHANGE = "change";

    private Decision() {
    }
  }

  /** The most members the paper tally form has rows for. */
  public static final int MAX_TALLY_MEMBERS = 40;
  /** The longest opinion a ballot takes. */
  public static final int MAX_OPINION = 500;
  /** The longest reason for a changed grade. */
  public static final int MAX_REASON = 1000;
  /** The value of the subject select that means the organization itself. */
  public static final String ORGANIZATION_SUBJECT = "ORGANIZATION";
}
