package cn.wujiang.cxzy.commendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** Starts the commendation of a leading body in a phase, with the business key {@code committeeCode:phaseId}. */
@Service
public class CommendationStarter {

  private final RuntimeService runtimeService;
  private final OrganizationService organizations;
  private final CampaignService campaign;
  private final CommendationService commendations;

  CommendationStarter(RuntimeService runtimeService, OrganizationService organizations, CampaignService campaign,
      CommendationService commendations) {
    this.runtimeService = runtimeService;
    this.organizations = organizations;
    this.campaign = campaign;
    this.commendations = commendations;
  }

  public static String businessKey(String committeeCode, String phaseId) {
    return committeeCode + ":" + phaseId;
  }

  /** Starts the commendation, unless it is running or has nominated already. */
  @Transactional
  public ProcessInstance start(String committeeCode, String phaseId) {
    Organization committee = organizations.get(committeeCode);
    if (!organizations.leadingBodies().contains(committee)) {
      throw new IllegalArgumentException(committeeCode + " is not a leading body");
    }
    if (held(committeeCode, phaseId)) {
      throw new IllegalStateException("commendation " + businessKey(committeeCode, phaseId) + " is running or has been held");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CommendationProcess.Var.COMMITTEE_CODE, committeeCode);
    variables.put(CommendationProcess.Var.PHASE_ID, phaseId);
    variables.put(CommendationProcess.Var.PHASE_NAME, commendations.phaseLabel(phaseId));
    variables.put(CommendationProcess.Var.ORG_CODE, committeeCode);
    return runtimeService.startProcessInstanceByKey(CommendationProcess.KEY, businessKey(committeeCode, phaseId),
        variables);
  }

  /** Starts the commendation of every leading body with participating organizations that has none yet. */
  @Transactional
  public List<String> startForAll(String phaseId) {
    List<String> started = new ArrayList<>();
    for (String code : campaign.commendingBodies()) {
      if (!held(code, phaseId)) {
        start(code, phaseId);
        started.add(code);
      }
    }
    return started;
  }

  private boolean held(String committeeCode, String phaseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CommendationProcess.KEY)
        .processInstanceBusinessKey(businessKey(committeeCode, phaseId)).count() > 0
        || commendations.round(committeeCode, phaseId)
            .filter(r -> r.getStatus() == CommendationRound.Status.SELECTED
                || r.getStatus() == CommendationRound.Status.COMMENDED || !commendations.nominations(r).isEmpty())
            .isPresent();
  }
}
