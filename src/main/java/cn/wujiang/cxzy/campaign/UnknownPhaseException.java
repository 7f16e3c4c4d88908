package cn.wujiang.cxzy.campaign;

/** A phase id in a request names no phase: the API answers 404 and changes nothing. */
public class UnknownPhaseException extends RuntimeException {

  public UnknownPhaseException(String phaseId) {
    super("时段“" + phaseId + "”不存在");
  }

  /** Throws unless the phase exists; at the start of every request about one phase. */
  public static void requireExisting(CampaignService campaign, String phaseId) {
    if (campaign.find(phaseId).isEmpty()) {
      throw new UnknownPhaseException(phaseId);
    }
  }
}
