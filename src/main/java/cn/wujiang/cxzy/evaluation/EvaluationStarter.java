package cn.wujiang.cxzy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** Starts massEvaluation with the business key {@code orgCode:phaseId:year}. */
@Service
public class EvaluationStarter {

  private final RuntimeService runtimeService;
  private final OrganizationService organizations;
  private final EvaluationService evaluations;

  EvaluationStarter(RuntimeService runtimeService, OrganizationService organizations, EvaluationService evaluations) {
    this.runtimeService = runtimeService;
    this.organizations = organizations;
    this.evaluations = evaluations;
  }

  /** Starts the organization's evaluation of the year, unless it is running or has been held. */
  @Transactional
  public ProcessInstance start(String orgCode, String phaseId, int year) {
    Organization org = organizations.get(orgCode);
    if (!org.isGrassroots()) {
      throw new IllegalArgumentException(orgCode + " is not a grassroots organization");
    }
    EvaluationKey key = new EvaluationKey(orgCode, phaseId, year);
    if (exists(key)) {
      throw new IllegalStateException("evaluation " + key.businessKey() + " is running or has been held");
    }
    return runtimeService.startProcessInstanceByKey(EvaluationProcess.KEY, key.businessKey(),
        Map.of(EvaluationProcess.Var.ORG_CODE, orgCode, EvaluationProcess.Var.PHASE_ID, phaseId,
            EvaluationProcess.Var.YEAR, year));
  }

  /** Starts the year's evaluation for every grassroots organization that has none yet. */
  @Transactional
  public List<String> startForAll(String phaseId, int year) {
    List<String> started = new ArrayList<>();
    for (Organization org : organizations.all()) {
      if (org.isGrassroots() && !exists(new EvaluationKey(org.getCode(), phaseId, year))) {
        start(org.getCode(), phaseId, year);
        started.add(org.getCode());
      }
    }
    return started;
  }

  private boolean exists(EvaluationKey key) {
    return evaluations.find(key).isPresent() || runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EvaluationProcess.KEY).processInstanceBusinessKey(key.businessKey()).count() > 0;
  }
}
