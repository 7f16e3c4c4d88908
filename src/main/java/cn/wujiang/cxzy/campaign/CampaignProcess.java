package cn.wujiang.cxzy.campaign;

/** Ids, elements and variable names of campaignPhase, orgCycle and supervision. */
public final class CampaignProcess {

  public static final String KEY = "campaignPhase";
  public static final String CYCLE_KEY = "orgCycle";
  public static final String SUPERVISION_KEY = "supervision";

  private CampaignProcess() {
  }

  /** Elements of campaignPhase. */
  public static final class Element {
    /** The fan-out: one instance of bodyCycles per batch of one leading body's organizations. */
    public static final String BODY_CYCLES = "SubProcess_BodyCycles";
    public static final String CALL_BODY_CYCLES = "CallActivity_BodyCycles";
    public static final String BODY_CYCLES_ENDED = "EndEvent_BodyCyclesEnded";
    public static final String CLOSE_PHASE = "ServiceTask_ClosePhase";
    public static final String COMMENDATION = "SubProcess_Commendation";
    public static final String CALL_COMMENDATION = "CallActivity_Commendation";
    public static final String COMMENDATION_ENDED = "EndEvent_CommendationEnded";

    private Element() {
    }
  }

  /** Process variables. */
  public static final class Var {
    public static final String PHASE_ID = "phaseId";
    public static final String ORG_CODE = "orgCode";
    public static final String REVIEW_ROUNDS = "reviewRounds";
    public static final String EVALUATIONS = "evaluations";
    public static final String ROUND = "round";
    public static final String YEAR = "year";
    /** Set by 结束时段: the phase was cancelled, nobody is commended. */
    public static final String CANCELLED = "cancelled";

    private Var() {
    }
  }

  /** Fields of the start form (removed from the process once saved). */
  public static final class Field {
    public static final String NUMBER = "phaseNumber";
    public static final String THEME = "theme";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";

    private Field() {
    }
  }
}
