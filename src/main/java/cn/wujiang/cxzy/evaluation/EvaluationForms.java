package cn.wujiang.cxzy.evaluation;

import static cn.wujiang.cxzy.evaluation.EvaluationProcess.Field.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import cn.wujiang.cxzy.organization.OrganizationService;

/** What the evaluation forms share: the context at the top, who is acting, the addresses they link to. */
@Component
class EvaluationForms {

  private final OrganizationService organizations;
  private final IdentityService identityService;
  private final EvaluationProperties properties;

  EvaluationForms(OrganizationService organizations, IdentityService identityService,
      EvaluationProperties properties) {
    this.organizations = organizations;
    this.identityService = identityService;
    this.properties = properties;
  }

  /** 党组织, 时段 and 年度. */
  Map<String, Object> context(EvaluationKey key) {
    Map<String, Object> values = new HashMap<>();
    values.put(ORG_NAME, organizations.get(key.orgCode()).getName());
    values.put(PHASE_NAME, key.phaseId());
    values.put(YEAR_NAME, key.year() + " 年度");
    return values;
  }

  /** The person completing the task: the logged-in user, or the assignee. */
  String actor(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }

  OrganizationService organizations() {
    return organizations;
  }

  /** The printable sheet of the codes, for the organization's group (HTTP Basic, as the API). */
  static String sheetPath(EvaluationKey key) {
    return base(key) + "/codes.html";
  }

  /** The opinions written on the ballots, for the organization and its leader. */
  static String opinionsPath(EvaluationKey key) {
    return base(key) + "/opinions.html";
  }

  /** The address of the ballot page, absolute where cxzy.evaluation.public-url is set. */
  String ballotUrl() {
    return publicUrl() + "/evaluate";
  }

  String publicUrl() {
    String url = properties.getPublicUrl() == null ? "" : properties.getPublicUrl().trim();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static String percent(BigDecimal rate) {
    return EvaluationNotices.percent(rate);
  }

  static String number(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }

  private static String base(EvaluationKey key) {
    return "/api/evaluations/" + UriUtils.encodePathSegment(key.orgCode(), "UTF-8") + "/"
        + UriUtils.encodePathSegment(key.phaseId(), "UTF-8") + "/" + key.year();
  }
}
