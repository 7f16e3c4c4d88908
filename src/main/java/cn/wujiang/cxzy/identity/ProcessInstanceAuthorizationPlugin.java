package cn.wujiang.cxzy.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Lets the bodies that lead an organization read the process instances about it (Cockpit): when an
 * instance with an {@code orgCode} starts, every body above the organization gets READ on it. The
 * city office reads all instances anyway.
 */
@Component
class ProcessInstanceAuthorizationPlugin extends AbstractProcessEnginePlugin {

  static final String ORG_CODE = "orgCode";

  private final OrganizationService organizations;
  private final AuthorizationService authorizationService;

  ProcessInstanceAuthorizationPlugin(@Lazy OrganizationService organizations,
      @Lazy AuthorizationService authorizationService) {
    this.organizations = organizations;
    this.authorizationService = authorizationService;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new java.util.ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity processDefinition) {
        ExecutionListener listener = ProcessInstanceAuthorizationPlugin.this::grantLeaders;
        processDefinition.addListener(ExecutionListener.EVENTNAME_START, listener);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  void grantLeaders(DelegateExecution execution) {
    Object orgCode = execution.getVariable(ORG_CODE);
    if (!(orgCode instanceof String code) || organizations.find(code).isEmpty()) {
      return;
    }
    String instanceId = execution.getProcessInstanceId();
    java.util.Set<Organization> watchers = new java.util.LinkedHashSet<>(organizations.ancestors(code));
    organizations.systemGuide(code).ifPresent(watchers::add);
    for (Organization leader : watchers) {
      if (leader.isCityOffice()) {
        continue;
      }
      Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(OrganizationService.groupId(leader));
      authorization.setResource(Resources.PROCESS_INSTANCE);
      authorization.setResourceId(instanceId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
