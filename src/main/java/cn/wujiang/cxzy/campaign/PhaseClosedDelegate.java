package cn.wujiang.cxzy.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 结束时段: every cycle has stopped; records that the phase ended in its time, ended early or was
 * cancelled (as the city office asked), and whether commendation follows.
 */
@Component("phaseClosedDelegate")
class PhaseClosedDelegate implements JavaDelegate {

  private final CampaignService campaign;

  PhaseClosedDelegate(CampaignService campaign) {
    this.campaign = campaign;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean cancelled = campaign.closed((String) execution.getVariable(CampaignProcess.Var.PHASE_ID));
    execution.setVariable(CampaignProcess.Var.CANCELLED, cancelled);
  }
}
