package cn.wujiang.cxzy.campaign;

/** Ids, messages and variable names of campaignPhase, orgCycle and supervision. */
public final class CampaignProcess {

  public static final String KEY = "campaignPhase";
  public static final String CYCLE_KEY = "orgCycle";
  public static final String SUPERVISION_KEY = "supervision";

  /** Messages the city office sends to a running phase. */
  public static final String MESSAGE_END = "PhaseEndRequested";
  public static final String MESSAGE_CANCEL = "PhaseCancelRequested";

  private CampaignProcess() {
  }

  /** Process variables. */
  public static final class Var {
    public static final String PHASE_ID = "phaseId";
    public static final String ORG_CODE = "orgCode";
    public static final String REVIEW_ROUNDS = "reviewRounds";
    public static final String EVALUATIONS = "evaluations";
    public static final String ROUND = "round";
    public static final String YEAR = "year";

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
