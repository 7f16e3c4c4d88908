package cn.wujiang.cxzy.commendation;

import static cn.wujiang.cxzy.commendation.CommendationProcess.Field.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/**
 * 评选: the leading body sees the ranked candidates, the quotas and the organizations' nominations, and
 * chooses the organizations for 先进基层党组织 and the member nominations to forward, within the quotas;
 * a choice beyond a title's quota in the ranking needs a written reason.
 */
@Component("selectNominationsForm")
class SelectNominationsForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, QUOTA_TEXT, FLAGS, ORG_RANKING, MEMBER_RANKING,
      NOMINATIONS, REPLIES, ORG_OPTIONS, NOMINATION_OPTIONS, SELECTED_ORGS, SELECTED_NOMINATIONS, REASON);

  private final CommendationForms forms;

  SelectNominationsForm(CommendationForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    CommendationService commendations = forms.commendations();
    CommendationRound round = forms.round(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Standings standings = commendations.standings(round);
      List<Candidate> orgs = standings.candidates().stream().filter(c -> !c.isMember()).toList();
      List<Nomination> proposed = commendations.nominations(round).stream()
          .filter(n -> n.getStatus() == Nomination.Status.PROPOSED && n.isMember()).toList();
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, forms.organizations().get(round.getCommitteeCode()).getName());
      values.put(PHASE_NAME, forms.phaseName(task));
      values.put(QUOTA_TEXT, quotaText(standings.quotas()));
      values.put(ORG_RANKING, orgRows(round, standings, orgs));
      values.put(MEMBER_RANKING, memberRows(round, standings));
      values.put(NOMINATIONS, nominationRows(round, standings, proposed));
      values.put(REPLIES, replyRows(round));
      values.put(FLAGS, flagLines(round, orgs, proposed));
      values.put(SELECTED_ORGS, TaskForms.checklist(List.of()));
      values.put(SELECTED_NOMINATIONS, TaskForms.checklist(List.of()));
      values.put(ORG_OPTIONS, CommendationForms.options(
          orgs.stream().map(c -> c.getRank() + ". " + commendations.orgName(c.getOrgCode()) + "（综合得分 "
              + CommendationForms.number(c.getComposite()) + "）").toList(),
          orgs.stream().map(Candidate::getOrgCode).toList()));
      values.put(NOMINATION_OPTIONS, CommendationForms.options(
          proposed.stream().map(n -> commendations.memberName(n.getMemberNo()) + "（" + commendations.orgName(n.getOrgCode())
              + "）— " + n.getTitle().label() + "，" + rankText(standings, n)).toList(),
          proposed.stream().map(n -> String.valueOf(n.getId())).toList()));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    // Any organization or nomination of the round parses; checkSelection says why one cannot be chosen.
    List<String> orgCodes = check.choices(SELECTED_ORGS, "推荐的先进基层党组织",
        forms.organizations().all().stream().map(o -> o.getCode()).toList(), false);
    List<String> ids = check.choices(SELECTED_NOMINATIONS, "上报的优秀党员推荐",
        commendations.nominations(round).stream().map(n -> String.valueOf(n.getId())).toList(), false);
    String reason = check.text(REASON, "评选说明", false, CommendationProcess.MAX_TEXT);
    CommendationService.Selection selection = new CommendationService.Selection(
        orgCodes.stream().distinct().toList(), ids.stream().distinct().map(Long::valueOf).toList(), reason);
    commendations.checkSelection(round, selection).forEach(check::problem);
    check.check();
    List<Nomination> forwarded = commendations.select(round, selection, forms.actor(task));
    TaskForms.clean(task, FIELDS);
    task.getExecution().setVariable(CommendationProcess.Var.NOMINATION_IDS,
        new ArrayList<>(forwarded.stream().map(n -> String.valueOf(n.getId())).toList()));
  }

  /** The warnings on the candidates and nominations, one line each, where the tables are too wide to see them. */
  private String flagLines(CommendationRound round, List<Candidate> orgs, List<Nomination> proposed) {
    List<String> lines = new ArrayList<>();
    for (Candidate c : orgs) {
      forms.checks().flags(c.getOrgCode(), null, round.getPhaseId())
          .forEach(f -> lines.add(forms.commendations().orgName(c.getOrgCode()) + "：" + f));
    }
    for (Nomination n : proposed) {
      forms.checks().flags(n.getOrgCode(), n.getMemberNo(), round.getPhaseId())
          .forEach(f -> lines.add(forms.commendations().memberName(n.getMemberNo()) + "（"
              + forms.commendations().orgName(n.getOrgCode()) + "）：" + f));
    }
    return String.join("\n", lines);
  }

  private String quotaText(Map<Title, Quota> quotas) {
    List<String> parts = new ArrayList<>();
    for (Quota q : quotas.values()) {
      if (q.getEligible() > 0) {
        parts.add(q.getTitle().label() + " " + q.getQuota() + (q.getTitle().isMember() ? " 名" : " 个")
            + "（符合条件 " + q.getEligible() + "）");
      }
    }
    return parts.isEmpty() ? "无" : String.join("；", parts);
  }

  private List<Map<String, String>> orgRows(CommendationRound round, Standings standings, List<Candidate> orgs) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Candidate c : orgs) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("rank", String.valueOf(c.getRank()));
      row.put("name", forms.commendations().orgName(c.getOrgCode()));
      row.put("composite", CommendationForms.number(c.getComposite()));
      row.put("rate", CommendationForms.percent(c.getRate()));
      row.put("grade", c.getGrade());
      row.put("quota", standings.withinQuota(c, Title.ADVANCED_ORGANIZATION) ? "是" : "否");
      row.put("flags", String.join("；", forms.checks().flags(c.getOrgCode(), null, round.getPhaseId())));
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, String>> memberRows(CommendationRound round, Standings standings) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Candidate c : standings.candidates()) {
      if (!c.isMember()) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      row.put("rank", String.valueOf(c.getRank()));
      row.put("name", forms.memberLabel(c.getMemberNo()));
      row.put("org", forms.commendations().orgName(c.getOrgCode()));
      row.put("composite", CommendationForms.number(c.getComposite()));
      row.put("rate", CommendationForms.percent(c.getRate()));
      row.put("grade", c.getGrade());
      row.put("flags", String.join("；", forms.checks().flags(c.getOrgCode(), c.getMemberNo(), round.getPhaseId())));
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, String>> nominationRows(CommendationRound round, Standings standings,
      List<Nomination> proposed) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Nomination n : proposed) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("name", forms.memberLabel(n.getMemberNo()));
      row.put("org", forms.commendations().orgName(n.getOrgCode()));
      row.put("title", n.getTitle().label());
      row.put("rank", rankText(standings, n));
      row.put("deeds", n.getDeeds());
      row.put("by", forms.person(n.getCreatedBy()));
      row.put("flags", String.join("；", forms.checks().flags(n.getOrgCode(), n.getMemberNo(), round.getPhaseId())));
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, String>> replyRows(CommendationRound round) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (NominationReply reply : forms.commendations().replies(round)) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("org", forms.commendations().orgName(reply.getOrgCode()));
      row.put("answer", reply.getNominated() > 0 ? "推荐 " + reply.getNominated() + " 名" : "不推荐：" + reply.getNoneReason());
      row.put("by", forms.person(reply.getRepliedBy()));
      row.put("when", CommendationForms.when(reply.getRepliedAt()));
      rows.add(row);
    }
    return rows;
  }

  /** "第 2 名（名额 1，名额外）" for the member's title. */
  private static String rankText(Standings standings, Nomination n) {
    Candidate c = standings.candidate(n.getSubject()).orElse(null);
    if (c == null) {
      return "不符合条件";
    }
    int rank = standings.rank(c, n.getTitle());
    int quota = standings.quota(n.getTitle()).orElseThrow().getQuota();
    return "第 " + rank + " 名（名额 " + quota + "，" + (rank <= quota ? "名额内" : "名额外") + "）";
  }
}
