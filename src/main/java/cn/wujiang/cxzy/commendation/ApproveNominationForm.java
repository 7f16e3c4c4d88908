package cn.wujiang.cxzy.commendation;

import static cn.wujiang.cxzy.commendation.CommendationProcess.Field.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/**
 * 审批推荐: the city office approves a nomination, or returns it to the committee with a reason (the
 * committee then revises it or withdraws it).
 */
@Component("approveNominationForm")
class ApproveNominationForm implements TaskListener {

  static final List<String> FIELDS = CoApproveNominationForm.FIELDS;

  private final CommendationForms forms;

  ApproveNominationForm(CommendationForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = forms.nominationId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      TaskForms.prepare(task, forms.nominationValues(task, forms.commendations().nomination(id)));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "审批意见",
        List.of(CommendationProcess.Decision.APPROVE, CommendationProcess.Decision.REJECT), true);
    boolean approved = CommendationProcess.Decision.APPROVE.equals(decision);
    String comment = check.text(COMMENT, "审批意见说明", decision != null && !approved, CommendationProcess.MAX_TEXT);
    check.check();
    forms.commendations().cityApprove(id, forms.actor(task), approved, comment);
    TaskForms.clean(task, FIELDS);
    TaskForms.scopeHolding(task, CommendationProcess.Var.NOMINATION_ID)
        .setVariableLocal(CommendationProcess.Var.CITY_APPROVED, approved);
  }
}
