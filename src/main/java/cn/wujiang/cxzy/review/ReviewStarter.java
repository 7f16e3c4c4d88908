package cn.wujiang.cxzy.review;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** Starts a round of leadershipReview with the business key {@code orgCode:phaseId:round}. */
@Service
public class ReviewStarter {

  private final RuntimeService runtimeService;
  private final OrganizationService organizations;

  ReviewStarter(RuntimeService runtimeService, OrganizationService organizations) {
    this.runtimeService = runtimeService;
    this.organizations = organizations;
  }

  public static String businessKey(String orgCode, String phaseId, int round) {
    return orgCode + ":" + phaseId + ":" + round;
  }

  /** Starts the round unless it is already running. */
  @Transactional
  public ProcessInstance start(String orgCode, String phaseId, int round) {
    Organization org = organizations.get(orgCode);
    if (!org.isGrassroots()) {
      throw new IllegalArgumentException(orgCode + " is not a grassroots organization");
    }
    String businessKey = businessKey(orgCode, phaseId, round);
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewProcess.KEY)
        .processInstanceBusinessKey(businessKey).count() > 0) {
      throw new IllegalStateException("review " + businessKey + " is already running");
    }
    return runtimeService.startProcessInstanceByKey(ReviewProcess.KEY, businessKey,
        Map.of(ReviewProcess.Var.ORG_CODE, orgCode, ReviewProcess.Var.PHASE_ID, phaseId,
            ReviewProcess.Var.ROUND, round));
  }
}
