package cn.wujiang.cxzy.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结束时段: records that the phase ended in its time (an early end or a cancellation is already recorded). */
@Component("phaseClosedDelegate")
class PhaseClosedDelegate implements JavaDelegate {

  private final CampaignService campaign;

  PhaseClosedDelegate(CampaignService campaign) {
    this.campaign = campaign;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaign.ended((String) execution.getVariable(CampaignProcess.Var.PHASE_ID), Phase.Status.ENDED, null, null);
  }
}
