package cn.wujiang.cxzy.commitment;

/** Ids and variable names of the publicCommitment and commitmentFulfilment processes. */
public final class CommitmentProcess {

  public static final String KEY = "publicCommitment";
  public static final String FULFILMENT_KEY = "commitmentFulfilment";

  private CommitmentProcess() {
  }

  /** Process variables: ids and decisions only. */
  public static final class Var {
    public static final String ORG_CODE = "orgCode";
    public static final String PHASE_ID = "phaseId";
    public static final String APPROVED = "commitmentsApproved";
    public static final String RETURN_COUNT = "returnCount";
    public static final String MEMBER_NOS = "memberNos";
    public static final String MEMBER_NO = "memberNo";
    public static final String CONFIRMED = "memberCommitmentsConfirmed";
    public static final String RETURNED_MEMBER_NO = "returnedMemberNo";
    public static final String FULFILMENT_VERIFIED = "fulfilmentVerified";

    private Var() {
    }
  }

  /** Form field keys (task-local; see TaskForms). */
  public static final class Field {
    public static final String ORG_NAME = "orgName";
    public static final String PHASE_NAME = "phaseName";
    public static final String MEMBER_NAME = "memberName";
    public static final String RETURN_COMMENT = "returnComment";
    public static final String GUIDANCE = "guidance";
    public static final String PHASE_GOALS = "phaseGoals";
    public static final String ITEMS = "commitmentItems";
    public static final String STANDARD_ORG = "standardOrg";
    public static final String STANDARD_MEMBER = "standardMember";
    public static final String CARRIERS = "carriers";
    public static final String CARRIER_OPTIONS = "carrierOptions";
    public static final String CARRIERS_TEXT = "carriersText";
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    public static final String ITEM_OPTIONS = "itemOptions";
    public static final String CLAIMED_ITEMS = "claimedItems";
    public static final String PERSONAL_COMMITMENT = "personalCommitment";
    public static final String CLAIMS = "claims";
    public static final String MEMBER_OPTIONS = "memberOptions";
    public static final String RETURN_MEMBER = "returnMember";
    public static final String FULFILMENT = "fulfilment";

    public static String item(int i) {
      return "item_" + i;
    }

    public static String status(int i) {
      return "status_" + i;
    }

    public static String account(int i) {
      return "account_" + i;
    }

    private Field() {
    }
  }

  /** Values of the decision radio buttons. */
  public static final class Decision {
    public static final String APPROVE = "approve";
    public static final String RETURN = "return";

    private Decision() {
    }
  }

  /** The most items a commitment may have (the fulfilment form has a row for each). */
  public static final int MAX_ITEMS = 12;
}
