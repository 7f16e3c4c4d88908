package cn.wujiang.cxzy.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Lets the bodies that lead an organization read the process instances about it (Cockpit): when an
 * instance with an {@code orgCode} starts, every body above the organization gets READ on it, and
 * loses it when the instance ends (completed, cancelled or deleted). The city office reads all
 * instances anyway. Processes other than the phase are started by the application only: Tasklist
 * does not offer them under 发起流程.
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
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        ExecutionListener grant = ProcessInstanceAuthorizationPlugin.this::grantLeaders;
        processDefinition.addListener(ExecutionListener.EVENTNAME_START, grant);
        // Built in, so that it runs also when an instance is deleted skipping custom listeners.
        ExecutionListener revoke = ProcessInstanceAuthorizationPlugin::revokeGrants;
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, revoke);
        if (!IdentitySync.STARTED_BY_CITY_OFFICE.equals(processDefinition.getKey())) {
          processDefinition.setStartableInTasklist(false);
        }
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
    Set<Organization> watchers = new LinkedHashSet<>(organizations.ancestors(code));
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

  /** The grants on an instance go with it; only instances about an organization have any. */
  static void revokeGrants(DelegateExecution execution) {
    if (execution.getVariable(ORG_CODE) instanceof String) {
      Context.getCommandContext().getAuthorizationManager()
          .deleteAuthorizationsByResourceId(Resources.PROCESS_INSTANCE, execution.getProcessInstanceId());
    }
  }

  /**
   * Removes the grants on process instances that no longer run: those an earlier version left behind,
   * or that an instance ended without its listeners left. Returns how many.
   */
  static int deleteGrantsOfEndedInstances(DataSource dataSource) {
    return new JdbcTemplate(dataSource).update("""
        delete from ACT_RU_AUTHORIZATION
        where RESOURCE_TYPE_ = ? and RESOURCE_ID_ <> '*'
          and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_)""",
        Resources.PROCESS_INSTANCE.resourceType());
  }

  /**
   * Definitions deployed by an earlier version were offered in Tasklist's 发起流程 whatever their
   * process; new deployments are marked by the parse listener above.
   */
  static void hideAppStartedProcesses(DataSource dataSource) {
    new JdbcTemplate(dataSource).update(
        "update ACT_RE_PROCDEF set STARTABLE_ = false where STARTABLE_ = true and KEY_ <> ?",
        IdentitySync.STARTED_BY_CITY_OFFICE);
  }
}
