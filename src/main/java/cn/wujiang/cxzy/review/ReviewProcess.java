package cn.wujiang.cxzy.review;

/** Ids and variable names of the leadershipReview process. */
public final class ReviewProcess {

  public static final String KEY = "leadershipReview";

  private ReviewProcess() {
  }

  /**
   * Process variables: ids and decisions only. The member decisions live on the member's own
   * multi-instance execution, so that the members' reviews do not see each other's.
   */
  public static final class Var {
    public static final String ORG_CODE = "orgCode";
    public static final String PHASE_ID = "phaseId";
    public static final String ROUND = "round";
    public static final String MEMBER_NO = "memberNo";
    public static final String ORG_RECTIFICATION_REQUIRED = "orgRectificationRequired";
    public static final String ORG_RECTIFICATION_DUE = "orgRectificationDue";
    public static final String ORG_RECTIFICATION_ACCEPTED = "orgRectificationAccepted";
    public static final String MEMBER_RECTIFICATION_REQUIRED = "memberRectificationRequired";
    public static final String MEMBER_RECTIFICATION_DUE = "memberRectificationDue";
    public static final String MEMBER_RECTIFICATION_ACCEPTED = "memberRectificationAccepted";

    private Var() {
    }
  }

  /** Form field keys (task-local; see TaskForms). The ratings' keys are {@link Criterion#key()}. */
  public static final class Field {
    public static final String ORG_NAME = "orgName";
    public static final String PHASE_NAME = "phaseName";
    public static final String ROUND_NAME = "roundName";
    public static final String MEMBER_NAME = "memberName";
    public static final String COMMITMENTS = "commitments";
    public static final String MEMBER_COMMITMENT = "memberCommitment";
    public static final String REVIEW_FORM = "reviewForm";
    public static final String ACHIEVEMENTS = "achievements";
    public static final String PROBLEMS = "problems";
    public static final String WAY_FORWARD = "wayForward";
    public static final String COMMENTS = "comments";
    public static final String RECTIFICATION_REQUIRED = "rectificationRequired";
    public static final String RECTIFICATION_DUE = "rectificationDue";
    public static final String RECTIFICATION_DUE_TEXT = "rectificationDueText";
    public static final String RETURN_COMMENT = "returnComment";
    public static final String RECTIFICATION_REPORT = "rectificationReport";
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";

    private Field() {
    }
  }

  /** Element ids the code and the tests refer to. */
  public static final class Element {
    public static final String REVIEW_ORGANIZATION = "Task_ReviewOrganization";
    public static final String RECTIFY_ORGANIZATION = "Task_RectifyOrganization";
    public static final String VERIFY_ORG_RECTIFICATION = "Task_VerifyOrgRectification";
    public static final String REVIEW_MEMBERS = "SubProcess_ReviewMembers";
    public static final String REVIEW_MEMBER = "Task_ReviewMember";
    public static final String RECTIFY_MEMBER = "Task_RectifyMember";
    public static final String VERIFY_MEMBER_RECTIFICATION = "Task_VerifyMemberRectification";

    private Element() {
    }
  }

  /** Values of the verification radio buttons. */
  public static final class Decision {
    public static final String ACCEPT = "accept";
    public static final String RETURN = "return";

    private Decision() {
    }
  }

  /** The longest text a review or rectification form takes. */
  public static final int MAX_TEXT = 2000;
}
