package cn.wujiang.cxzy.commendation;

/** Ids and variable names of the commendation (评选表彰) process. */
public final class CommendationProcess {

  public static final String KEY = "commendation";

  private CommendationProcess() {
  }

  /** Process variables: ids and decisions only. */
  public static final class Var {
    /** The leading body that commends (市教育局党委, 卫生局党委, a town or zone committee …). */
    public static final String COMMITTEE_CODE = "committeeCode";
    public static final String PHASE_ID = "phaseId";
    /** How people name the phase; given by the campaign, else looked up. */
    public static final String PHASE_NAME = "phaseName";
    /**
     * The committee on the process (the business key's prefix, as for every process about one body);
     * inside 推荐优秀党员, the nominating organization of that task.
     */
    public static final String ORG_CODE = "orgCode";
    public static final String HAS_CANDIDATES = "hasCandidates";
    /** The organizations asked to nominate members (those with eligible members). */
    public static final String NOMINATING_ORGS = "nominatingOrgs";
    /** The nominations the committee forwarded; one 推荐审批 each. */
    public static final String NOMINATION_IDS = "nominationIds";
    public static final String NOMINATION_ID = "nominationId";
    /** The body that co-approves (会签) a nomination in one instance of 会签. */
    public static final String APPROVER_CODE = "approverCode";
    public static final String CO_APPROVED = "coApproved";
    public static final String CITY_APPROVED = "cityApproved";
    public static final String RESUBMITTED = "resubmitted";

    private Var() {
    }
  }

  /** Form field keys (task-local; see TaskForms). */
  public static final class Field {
    public static final String ORG_NAME = "orgName";
    public static final String PHASE_NAME = "phaseName";
    public static final String COMMITTEE_NAME = "committeeName";
    public static final String QUOTA_TEXT = "quotaText";
    public static final String CANDIDATES = "candidates";
    public static final String ORG_RANKING = "orgRanking";
    public static final String MEMBER_RANKING = "memberRanking";
    public static final String NOMINATIONS = "nominations";
    public static final String REPLIES = "replies";
    public static final String MEMBER_OPTIONS = "memberOptions";
    public static final String TITLE_OPTIONS = "titleOptions";
    public static final String ORG_OPTIONS = "orgOptions";
    public static final String NOMINATION_OPTIONS = "nominationOptions";
    public static final String DECISION = "decision";
    public static final String REASON = "reason";
    public static final String SELECTED_ORGS = "selectedOrgs";
    public static final String SELECTED_NOMINATIONS = "selectedNominations";
    public static final String NOMINEE = "nominee";
    public static final String NOMINEE_ORG = "nomineeOrg";
    public static final String TITLE = "titleName";
    public static final String SCORES = "scores";
    public static final String SUMMARY = "evaluationSummary";
    public static final String DEEDS = "deeds";
    public static final String FLAGS = "flags";
    public static final String APPROVALS = "approvals";
    public static final String RETURN_COMMENT = "returnComment";
    public static final String COMMENT = "comment";

    /** The member of nomination slot i (from 1). */
    public static String nominee(int i) {
      return "nominee_" + i;
    }

    /** The title sought in slot i. */
    public static String title(int i) {
      return "title_" + i;
    }

    /** The account of deeds (事迹) in slot i. */
    public static String deeds(int i) {
      return "deeds_" + i;
    }

    private Field() {
    }
  }

  /** Values of the decision radio buttons. */
  public static final class Decision {
    public static final String NOMINATE = "nominate";
    public static final String NONE = "none";
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String RESUBMIT = "resubmit";
    public static final String WITHDRAW = "withdraw";

    private Decision() {
    }
  }

  /** Element ids the code and the tests refer to. */
  public static final class Element {
    public static final String RANK = "ServiceTask_RankCandidates";
    public static final String NOTIFY_NO_CANDIDATES = "ServiceTask_NotifyNoCandidates";
    public static final String NOMINATE_MEMBERS = "Task_NominateMembers";
    public static final String SELECT_NOMINATIONS = "Task_SelectNominations";
    public static final String NOMINATION = "SubProcess_Nomination";
    public static final String CO_APPROVE = "Task_CoApproveNomination";
    public static final String NOTIFY_JOINT_REJECTION = "ServiceTask_NotifyJointRejection";
    public static final String APPROVE = "Task_ApproveNomination";
    public static final String REVISE = "Task_ReviseNomination";
    public static final String COMMEND = "ServiceTask_Commend";

    private Element() {
    }
  }

  /** Nomination slots a grassroots organization has in 推荐优秀党员. */
  public static final int SLOTS = 3;
  /** The longest account of deeds, reason or comment. */
  public static final int MAX_TEXT = 1000;
}
