package cn.wujiang.cxzy.campaign;

/**
 * Ids, message and variable names of bodyCycles: the cycles of one batch of a leading body's
 * organizations in one phase, started by campaignPhase, one orgCycle per organization.
 */
public final class BodyCyclesProcess {

  public static final String KEY = "bodyCycles";

  /** Stops every cycle of the batch in one transaction (the city office ended or cancelled the phase). */
  public static final String MESSAGE_STOP = "CyclesStopRequested";

  private BodyCyclesProcess() {
  }

  /** Elements. */
  public static final class Element {
    /** One per organization of the batch: its job starts the organization's cycle. */
    public static final String ORG_CYCLE = "SubProcess_OrgCycle";
    public static final String CALL_ORG_CYCLE = "CallActivity_OrgCycle";
    public static final String ORG_CYCLE_ENDED = "EndEvent_OrgCycleEnded";
    public static final String ORG_CYCLE_SKIPPED = "EndEvent_OrgCycleSkipped";
    public static final String STOP_CYCLES = "Message_StopCycles";
    public static final String CYCLES_STOPPED = "EndEvent_CyclesStopped";
    public static final String DONE = "EndEvent_BodyCyclesDone";

    private Element() {
    }
  }

  /** Variables. */
  public static final class Var {
    public static final String COMMITTEE_CODE = "committeeCode";
    /** 1, 2, … within the leading body. */
    public static final String BATCH = "batch";
    /** The codes of the batch's organizations. */
    public static final String ORG_CODES = "orgCodes";

    private Var() {
    }
  }
}
