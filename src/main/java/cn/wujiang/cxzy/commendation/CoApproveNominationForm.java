package cn.wujiang.cxzy.commendation;

import static cn.wujiang.cxzy.commendation.CommendationProcess.Field.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/**
 * 会签: a body that must also agree (the nominee's system guide) approves the nomination, or rejects it
 * with a reason, which ends the nomination.
 */
@Component("coApproveNominationForm")
class CoApproveNominationForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, COMMITTEE_NAME, NOMINEE, NOMINEE_ORG, TITLE,
      SCORES, SUMMARY, DEEDS, FLAGS, APPROVALS, DECISION, COMMENT);

  private final CommendationForms forms;

  CoApproveNominationForm(CommendationForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = forms.nominationId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = forms.nominationValues(task, forms.commendations().nomination(id));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "会签意见",
        List.of(CommendationProcess.Decision.APPROVE, CommendationProcess.Decision.REJECT), true);
    boolean approved = CommendationProcess.Decision.APPROVE.equals(decision);
    String comment = check.text(COMMENT, "会签意见说明", decision != null && !approved, CommendationProcess.MAX_TEXT);
    check.check();
    String approver = (String) task.getVariable(CommendationProcess.Var.APPROVER_CODE);
    forms.commendations().coApprove(id, approver, forms.actor(task), approved, comment);
    TaskForms.clean(task, FIELDS);
    // The nomination starts agreed (an input of SubProcess_Nomination, in its scope); only a rejection is
    // written, so that bodies agreeing at the same moment do not update the same variable.
    if (!approved) {
      TaskForms.scopeHolding(task, CommendationProcess.Var.CO_APPROVED)
          .setVariableLocal(CommendationProcess.Var.CO_APPROVED, false);
    }
  }
}
