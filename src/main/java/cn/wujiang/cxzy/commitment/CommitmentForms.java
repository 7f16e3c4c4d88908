package cn.wujiang.cxzy.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** What the commitment forms share: the context at the top, who is acting, select options. */
@Component
class CommitmentForms {

  private final OrganizationService organizations;
  private final IdentityService identityService;

  CommitmentForms(OrganizationService organizations, IdentityService identityService) {
    this.organizations = organizations;
    this.identityService = identityService;
  }

  String orgCode(DelegateTask task) {
    return (String) task.getVariable(CommitmentProcess.Var.ORG_CODE);
  }

  String phaseId(DelegateTask task) {
    return String.valueOf(task.getVariable(CommitmentProcess.Var.PHASE_ID));
  }

  Organization org(DelegateTask task) {
    return organizations.get(orgCode(task));
  }

  /** The person completing the task: the logged-in user, or the assignee. */
  String actor(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }

  OrganizationService organizations() {
    return organizations;
  }

  static List<Map<String, String>> options(List<String> labels, List<String> values) {
    List<Map<String, String>> options = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      options.add(Map.of("label", labels.get(i), "value", values.get(i)));
    }
    return options;
  }

  /** One item a line; blank lines and list markers such as "1." or "-" dropped. */
  static List<String> lines(String text) {
    List<String> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    for (String line : text.split("\\R")) {
      String t = line.trim().replaceFirst("^(\\d+[.、．)）]|[-•·*])\\s*", "").trim();
      if (!t.isEmpty()) {
        result.add(t);
      }
    }
    return result;
  }
}
