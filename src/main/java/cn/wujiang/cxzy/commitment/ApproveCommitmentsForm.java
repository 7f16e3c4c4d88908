package cn.wujiang.cxzy.commitment;

import static cn.wujiang.cxzy.commitment.CommitmentProcess.Field.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/** 审核承诺: shows the draft to the direct leader; approval or a return with a required comment. */
@Component("approveCommitmentsForm")
class ApproveCommitmentsForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, GUIDANCE, PHASE_GOALS, ITEMS,
      STANDARD_ORG, STANDARD_MEMBER, CARRIERS_TEXT, DECISION, COMMENT);

  private final CommitmentForms forms;
  private final CommitmentService commitments;

  ApproveCommitmentsForm(CommitmentForms forms, CommitmentService commitments) {
    this.forms = forms;
    this.commitments = commitments;
  }

  @Override
  public void notify(DelegateTask task) {
    String orgCode = forms.orgCode(task);
    String phaseId = forms.phaseId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, forms.org(task).getName());
      values.put(PHASE_NAME, phaseId);
      commitments.find(orgCode, phaseId).ifPresent(c -> {
        values.put(GUIDANCE, c.getGuidance());
        values.put(PHASE_GOALS, c.getPhaseGoals());
        values.put(STANDARD_ORG, c.getStandardOrg());
        values.put(STANDARD_MEMBER, c.getStandardMember());
        values.put(CARRIERS_TEXT, c.getCarriers());
      });
      values.put(ITEMS, commitments.items(orgCode, phaseId).stream()
          .map(i -> i.getSeq() + ". " + i.getText()).collect(Collectors.joining("\n")));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "审核意见",
        List.of(CommitmentProcess.Decision.APPROVE, CommitmentProcess.Decision.RETURN), true);
    boolean approved = CommitmentProcess.Decision.APPROVE.equals(decision);
    String comment = check.text(COMMENT, "审核意见说明", decision != null && !approved, 1000);
    check.check();
    TaskForms.clean(task, FIELDS);
    if (approved) {
      commitments.approve(orgCode, phaseId, forms.actor(task), comment);
      task.getExecution().setVariable(CommitmentProcess.Var.APPROVED, true);
    } else {
      int count = commitments.returnDraft(orgCode, phaseId, comment);
      task.getExecution().setVariable(CommitmentProcess.Var.APPROVED, false);
      task.getExecution().setVariable(CommitmentProcess.Var.RETURN_COUNT, count);
    }
  }
}
