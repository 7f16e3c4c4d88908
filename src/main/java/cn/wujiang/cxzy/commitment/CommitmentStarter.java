package cn.wujiang.cxzy.commitment;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** Starts the commitment processes with the business key {@code orgCode:phaseId}. */
@Service
public class CommitmentStarter {

  private final RuntimeService runtimeService;
  private final OrganizationService organizations;

  CommitmentStarter(RuntimeService runtimeService, OrganizationService organizations) {
    this.runtimeService = runtimeService;
    this.organizations = organizations;
  }

  public static String businessKey(String orgCode, String phaseId) {
    return orgCode + ":" + phaseId;
  }

  @Transactional
  public ProcessInstance startCommitment(String orgCode, String phaseId) {
    return start(CommitmentProcess.KEY, orgCode, phaseId);
  }

  @Transactional
  public ProcessInstance startFulfilment(String orgCode, String phaseId) {
    return start(CommitmentProcess.FULFILMENT_KEY, orgCode, phaseId);
  }

  private ProcessInstance start(String key, String orgCode, String phaseId) {
    Organization org = organizations.get(orgCode);
    if (!org.isGrassroots()) {
      throw new IllegalArgumentException(orgCode + " is not a grassroots organization");
    }
    return runtimeService.startProcessInstanceByKey(key, businessKey(orgCode, phaseId),
        Map.of(CommitmentProcess.Var.ORG_CODE, orgCode, CommitmentProcess.Var.PHASE_ID, phaseId));
  }
}
