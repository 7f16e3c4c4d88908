package cn.wujiang.cxzy.commitment;

import static cn.wujiang.cxzy.commitment.CommitmentProcess.Field.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.process.TaskForms;

/** 制定承诺: fills the form with the current draft and the return comment; checks and saves what is entered. */
@Component("draftCommitmentsForm")
class DraftCommitmentsForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, RETURN_COMMENT, GUIDANCE, PHASE_GOALS,
      ITEMS, STANDARD_ORG, STANDARD_MEMBER, CARRIERS, CARRIER_OPTIONS);

  private final CommitmentForms forms;
  private final CommitmentService commitments;

  DraftCommitmentsForm(CommitmentForms forms, CommitmentService commitments) {
    this.forms = forms;
    this.commitments = commitments;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      create(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task);
    }
  }

  private void create(DelegateTask task) {
    Organization org = forms.org(task);
    List<String> carriers = Carriers.of(org.getSystem());
    Map<String, Object> values = new HashMap<>();
    values.put(ORG_NAME, org.getName());
    values.put(PHASE_NAME, forms.phaseId(task));
    values.put(CARRIER_OPTIONS, CommitmentForms.options(carriers, carriers));
    values.put(CARRIERS, TaskForms.checklist(List.of()));
    commitments.find(org.getCode(), forms.phaseId(task)).ifPresent(c -> {
      if (c.getStatus() == Commitment.Status.RETURNED) {
        values.put(RETURN_COMMENT, c.getLastComment());
      }
      values.put(GUIDANCE, c.getGuidance());
      values.put(PHASE_GOALS, c.getPhaseGoals());
      values.put(STANDARD_ORG, c.getStandardOrg());
      values.put(STANDARD_MEMBER, c.getStandardMember());
      values.put(CARRIERS, TaskForms.checklist(c.getCarriers() == null || c.getCarriers().isEmpty()
          ? List.of() : List.of(c.getCarriers().split("、"))));
      values.put(ITEMS, commitments.items(org.getCode(), forms.phaseId(task)).stream()
          .map(CommitmentItem::getText).collect(Collectors.joining("\n")));
    });
    TaskForms.prepare(task, values);
  }

  private void complete(DelegateTask task) {
    Organization org = forms.org(task);
    TaskForms.Check check = new TaskForms.Check(task);
    String guidance = check.text(GUIDANCE, "活动指导意见", true, 2000);
    String goals = check.text(PHASE_GOALS, "阶段目标", true, 2000);
    String itemsText = check.text(ITEMS, "承诺事项", true, 5000);
    String standardOrg = check.text(STANDARD_ORG, "先进基层党组织具体标准", true, 2000);
    String standardMember = check.text(STANDARD_MEMBER, "优秀共产党员具体标准", true, 2000);
    List<String> allowed = Carriers.of(org.getSystem());
    List<String> carriers = check.choices(CARRIERS, "活动载体", allowed, false);
    List<String> items = CommitmentForms.lines(itemsText);
    if (itemsText != null && items.isEmpty()) {
      check.problem("“承诺事项”不能为空");
    }
    if (items.size() > CommitmentProcess.MAX_ITEMS) {
      check.problem("承诺事项最多 " + CommitmentProcess.MAX_ITEMS + " 条，现有 " + items.size() + " 条");
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).length() > 200) {
        check.problem("第 " + (i + 1) + " 条承诺事项过长，最多 200 字");
      }
    }
    check.check();
    commitments.saveDraft(org.getCode(), forms.phaseId(task),
        new CommitmentService.Draft(guidance, goals, items, standardOrg, standardMember, carriers));
    TaskForms.clean(task, FIELDS);
  }
}
