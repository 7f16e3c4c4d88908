package cn.wujiang.cxzy.supervision;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.CampaignSettings;

/** 随机抽取: draws the organizations to inspect and records the draw with its seed. */
@Component("drawSampleDelegate")
class DrawSampleDelegate implements JavaDelegate {

  private final SupervisionService supervision;
  private final CampaignService campaign;
  private final CampaignSettings settings;

  DrawSampleDelegate(SupervisionService supervision, CampaignService campaign, CampaignSettings settings) {
    this.supervision = supervision;
    this.campaign = campaign;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String phaseId = (String) execution.getVariable(SupervisionProcess.Var.PHASE_ID);
    SpotCheckDraw draw = supervision.draw(phaseId, campaign.participants(), settings.sampleShare(), settings.minSample());
    execution.setVariable(SupervisionProcess.Var.DRAW_ID, draw.getId());
    execution.setVariable(SupervisionProcess.Var.ORGS,
        draw.getOrgCodes().isEmpty() ? List.of() : List.of(draw.getOrgCodes().split(",")));
  }
}
