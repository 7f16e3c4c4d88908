package cn.wujiang.cxzy.commendation;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 排名: ranks the eligible candidates and computes the quotas; tells the model who nominates members. */
@Component("rankCandidatesDelegate")
class RankCandidatesDelegate implements JavaDelegate {

  private final CommendationService commendations;

  RankCandidatesDelegate(CommendationService commendations) {
    this.commendations = commendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String committeeCode = (String) execution.getVariable(CommendationProcess.Var.COMMITTEE_CODE);
    String phaseId = String.valueOf(execution.getVariable(CommendationProcess.Var.PHASE_ID));
    // Started by the campaign, the instance has no orgCode yet; deadline notices name it.
    if (!execution.hasVariable(CommendationProcess.Var.ORG_CODE)) {
      execution.setVariable(CommendationProcess.Var.ORG_CODE, committeeCode);
    }
    CommendationRound round = commendations.rank(committeeCode, phaseId);
    execution.setVariable(CommendationProcess.Var.HAS_CANDIDATES, round.getStatus() == CommendationRound.Status.RANKED);
    execution.setVariable(CommendationProcess.Var.NOMINATING_ORGS, new ArrayList<>(commendations.nominatingOrgs(round)));
  }
}
