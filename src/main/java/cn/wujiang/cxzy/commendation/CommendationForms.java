package cn.wujiang.cxzy.commendation;

import static cn.wujiang.cxzy.commendation.CommendationProcess.Field.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;

/**
 * What the commendation forms share: the context at the top, who acts, and how a nomination is shown to
 * the bodies that decide on it (nominee, scores, evaluation summary, deeds, warnings, earlier decisions).
 */
@Component
class CommendationForms {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CommendationService commendations;
  private final NomineeChecks checks;
  private final OrganizationService organizations;
  private final IdentityService identityService;

  CommendationForms(CommendationService commendations, NomineeChecks checks, OrganizationService organizations,
      IdentityService identityService) {
    this.commendations = commendations;
    this.checks = checks;
    this.organizations = organizations;
    this.identityService = identityService;
  }

  String committeeCode(DelegateTask task) {
    return (String) task.getVariable(CommendationProcess.Var.COMMITTEE_CODE);
  }

  String phaseId(DelegateTask task) {
    return String.valueOf(task.getVariable(CommendationProcess.Var.PHASE_ID));
  }

  String phaseName(DelegateTask task) {
    Object name = task.getVariable(CommendationProcess.Var.PHASE_NAME);
    return name != null ? name.toString() : commendations.phaseLabel(phaseId(task));
  }

  CommendationRound round(DelegateTask task) {
    return commendations.getRound(committeeCode(task), phaseId(task));
  }

  Long nominationId(DelegateTask task) {
    return Long.valueOf(String.valueOf(task.getVariable(CommendationProcess.Var.NOMINATION_ID)));
  }

  /** The person completing the task: the logged-in user, or the assignee. */
  String actor(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }

  CommendationService commendations() {
    return commendations;
  }

  NomineeChecks checks() {
    return checks;
  }

  OrganizationService organizations() {
    return organizations;
  }

  /** Everything a deciding body sees of a nomination, as task-local values. */
  Map<String, Object> nominationValues(DelegateTask task, Nomination n) {
    CommendationRound round = commendations.roundOf(n);
    Organization org = organizations.get(n.getOrgCode());
    Map<String, Object> values = new HashMap<>();
    values.put(ORG_NAME, org.getName());
    values.put(PHASE_NAME, phaseName(task));
    values.put(COMMITTEE_NAME, organizations.get(round.getCommitteeCode()).getName());
    values.put(NOMINEE, n.isMember() ? memberLabel(n.getMemberNo()) : org.getName());
    values.put(NOMINEE_ORG, org.getName() + (org.getUnitName() == null ? "" : "（" + org.getUnitName() + "）"));
    values.put(TITLE, n.getTitle().label());
    Candidate candidate = commendations.candidate(round, n.getSubject()).orElse(null);
    values.put(SCORES, scores(round, candidate, n));
    values.put(SUMMARY, candidate == null ? "" : summary(candidate));
    values.put(DEEDS, n.getDeeds());
    values.put(FLAGS, String.join("\n", checks.flags(n.getOrgCode(), n.getMemberNo(), n.getPhaseId())));
    values.put(APPROVALS, approvals(n));
    return values;
  }

  private String scores(CommendationRound round, Candidate c, Nomination n) {
    if (c == null) {
      return "无群众评议结果";
    }
    Standings standings = commendations.standings(round);
    int quota = standings.quota(n.getTitle()).orElseThrow().getQuota();
    int rank = standings.rank(c, n.getTitle());
    String text = "综合得分 " + number(c.getComposite()) + "；“" + n.getTitle().label() + "”候选第 " + rank + " 名，名额 "
        + quota + (rank <= quota ? "，在名额内" : "，在名额外");
    if (n.isOutsideQuota() && n.getOutsideReason() != null) {
      text += "；名额外推荐理由：" + n.getOutsideReason();
    }
    return text;
  }

  /** The evaluation result a candidate was ranked on, in one line. */
  static String summary(Candidate c) {
    return c.getYear() + " 年度群众评议（已确认）：有效评议票 " + c.getBallots() + " 张，"
        + (c.isMember() ? "群众信任率 " : "群众满意率 ") + percent(c.getRate()) + "，群众评议得分 " + number(c.getMassScore())
        + "，上级点评得分 " + number(c.getReviewScore())
        + (c.isMember() ? "" : "，承诺兑现率 " + percent(c.getFulfilmentRate()))
        + "，综合得分 " + number(c.getComposite()) + "，等次 " + (c.getGrade() == null ? "—" : c.getGrade())
        + (c.getNote() == null ? "" : "（" + c.getNote() + "）");
  }

  /** The decisions on a nomination so far, as the table in every approver's form shows them. */
  List<Map<String, String>> approvals(Nomination n) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (NominationDecision d : commendations.decisions(n.getId())) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("stage", d.getStage().label() + (d.getSubmission() > 1 ? "（第 " + d.getSubmission() + " 次提交）" : ""));
      row.put("body", organizations.find(d.getBodyCode()).map(Organization::getName).orElse(d.getBodyCode()));
      row.put("by", person(d.getDecidedBy()));
      row.put("when", when(d.getDecidedAt()));
      row.put("outcome", d.getOutcome().label());
      row.put("reason", d.getReason() == null ? "" : d.getReason());
      rows.add(row);
    }
    return rows;
  }

  /** 姓名（职务） */
  String memberLabel(String memberNo) {
    return organizations.member(memberNo)
        .map(m -> m.getName() + (m.getPosition() == null ? "" : "（" + m.getPosition() + "）"))
        .orElse(memberNo);
  }

  /** 姓名（登录名） for a login, or the login where it is nobody's. */
  String person(String username) {
    if (username == null) {
      return "";
    }
    return organizations.memberByUsername(username).map(Member::getName).map(name -> name + "（" + username + "）")
        .orElse(username);
  }

  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant.atZone(Deadlines.ZONE));
  }

  static String number(BigDecimal value) {
    return value == null ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static List<Map<String, String>> options(List<String> labels, List<String> values) {
    List<Map<String, String>> options = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      options.add(Map.of("label", labels.get(i), "value", values.get(i)));
    }
    return options;
  }
}
