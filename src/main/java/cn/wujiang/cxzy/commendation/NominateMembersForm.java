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

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.process.TaskForms;

/**
 * 推荐优秀党员: a grassroots organization sees its eligible members as ranked in the leading body's
 * scope and nominates up to three, each for 优秀共产党员 or a carrier title of its system, with an
 * account of deeds; or nominates nobody and says why.
 */
@Component("nominateMembersForm")
class NominateMembersForm implements TaskListener {

  static final List<String> FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of(ORG_NAME, PHASE_NAME, COMMITTEE_NAME, QUOTA_TEXT, CANDIDATES, FLAGS,
        MEMBER_OPTIONS, TITLE_OPTIONS, DECISION, REASON));
    for (int i = 1; i <= CommendationProcess.SLOTS; i++) {
      fields.addAll(List.of(nominee(i), title(i), deeds(i)));
    }
    FIELDS = List.copyOf(fields);
  }

  private final CommendationForms forms;

  NominateMembersForm(CommendationForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    String orgCode = (String) task.getVariable(CommendationProcess.Var.ORG_CODE);
    CommendationRound round = forms.round(task);
    List<Candidate> eligible = forms.commendations().eligibleMembers(round, orgCode);
    Organization org = forms.organizations().get(orgCode);
    List<Title> titles = Title.forMembersOf(org.getSystem());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, org.getName());
      values.put(PHASE_NAME, forms.phaseName(task));
      values.put(COMMITTEE_NAME, forms.organizations().get(round.getCommitteeCode()).getName());
      Map<Title, Quota> quotas = forms.commendations().quotas(round);
      values.put(QUOTA_TEXT, String.join("；", titles.stream()
          .map(t -> t.label() + " " + quotas.get(t).getQuota() + " 名").toList()));
      List<Map<String, String>> rows = new ArrayList<>();
      List<String> flagLines = new ArrayList<>();
      for (Candidate c : eligible) {
        List<String> flags = forms.checks().flags(orgCode, c.getMemberNo(), round.getPhaseId());
        flags.forEach(f -> flagLines.add(forms.commendations().memberName(c.getMemberNo()) + "：" + f));
        Map<String, String> row = new LinkedHashMap<>();
        row.put("rank", String.valueOf(c.getRank()));
        row.put("name", forms.memberLabel(c.getMemberNo()));
        row.put("composite", CommendationForms.number(c.getComposite()));
        row.put("rate", CommendationForms.percent(c.getRate()));
        row.put("grade", c.getGrade());
        row.put("flags", String.join("；", flags));
        rows.add(row);
      }
      values.put(CANDIDATES, rows);
      values.put(FLAGS, String.join("\n", flagLines));
      values.put(MEMBER_OPTIONS, CommendationForms.options(
          eligible.stream().map(c -> forms.memberLabel(c.getMemberNo()) + " · 第 " + c.getRank() + " 名").toList(),
          eligible.stream().map(Candidate::getMemberNo).toList()));
      values.put(TITLE_OPTIONS, CommendationForms.options(titles.stream().map(Title::label).toList(),
          titles.stream().map(Title::name).toList()));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "是否推荐",
        List.of(CommendationProcess.Decision.NOMINATE, CommendationProcess.Decision.NONE), true);
    boolean none = CommendationProcess.Decision.NONE.equals(decision);
    String reason = check.text(REASON, "不推荐的理由", none, CommendationProcess.MAX_TEXT);
    List<CommendationService.Proposal> proposals = new ArrayList<>();
    if (CommendationProcess.Decision.NOMINATE.equals(decision)) {
      List<String> titleNames = titles.stream().map(Title::name).toList();
      for (int i = 1; i <= CommendationProcess.SLOTS; i++) {
        String slot = "第 " + i + " 名推荐对象";
        // Any member number is checked against the ranking below: only eligible candidates pass.
        String memberNo = check.text(nominee(i), slot, false, 64);
        boolean filled = memberNo != null || !blank(task, title(i)) || !blank(task, deeds(i));
        if (!filled) {
          continue;
        }
        if (memberNo == null) {
          check.problem("请选择" + slot);
        }
        String titleName = check.choice(title(i), slot + "申报的称号", titleNames, true);
        String deeds = check.text(deeds(i), slot + "的主要事迹", true, CommendationProcess.MAX_TEXT);
        if (memberNo != null && titleName != null && deeds != null) {
          proposals.add(new CommendationService.Proposal(memberNo, Title.valueOf(titleName), deeds));
        }
      }
      if (proposals.isEmpty() && noSlotFilled(task)) {
        check.problem("请至少推荐一名党员，或选择“本次不推荐”并写明理由");
      }
      forms.commendations().checkProposals(round, orgCode, proposals).forEach(check::problem);
    }
    check.check();
    forms.commendations().propose(round, orgCode, none ? List.of() : proposals, reason, forms.actor(task));
    TaskForms.clean(task, FIELDS);
  }

  private static boolean noSlotFilled(DelegateTask task) {
    for (int i = 1; i <= CommendationProcess.SLOTS; i++) {
      if (!blank(task, nominee(i)) || !blank(task, title(i)) || !blank(task, deeds(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean blank(DelegateTask task, String key) {
    Object value = TaskForms.value(task, key);
    return value == null || value.toString().isBlank();
  }
}
