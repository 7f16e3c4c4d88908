package cn.wujiang.cxzy.commendation;

import static cn.wujiang.cxzy.commendation.CommendationProcess.Field.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/**
 * 修改推荐: the committee reads why the city office returned its nomination, revises the account of
 * deeds and submits it again (through 会签 again where required), or withdraws it with a reason.
 */
@Component("reviseNominationForm")
class ReviseNominationForm implements TaskListener {

  static final List<String> FIELDS;

  static {
    List<String> fields = new ArrayList<>(CoApproveNominationForm.FIELDS);
    fields.add(RETURN_COMMENT);
    FIELDS = List.copyOf(fields);
  }

  private final CommendationForms forms;

  ReviseNominationForm(CommendationForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = forms.nominationId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = forms.nominationValues(task, forms.commendations().nomination(id));
      forms.commendations().decisions(id).stream()
          .filter(d -> d.getStage() == NominationDecision.Stage.CITY_APPROVE
              && d.getOutcome() == NominationDecision.Outcome.REJECTED)
          .reduce((a, b) -> b)
          .ifPresent(d -> values.put(RETURN_COMMENT, d.getReason()));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "处理方式",
        List.of(CommendationProcess.Decision.RESUBMIT, CommendationProcess.Decision.WITHDRAW), true);
    boolean resubmit = CommendationProcess.Decision.RESUBMIT.equals(decision);
    String deeds = check.text(DEEDS, "主要事迹", resubmit, CommendationProcess.MAX_TEXT);
    String comment = check.text(COMMENT, "说明", decision != null && !resubmit, CommendationProcess.MAX_TEXT);
    check.check();
    forms.commendations().revise(id, forms.actor(task), resubmit, deeds, comment);
    TaskForms.clean(task, FIELDS);
    TaskForms.scopeHolding(task, CommendationProcess.Var.NOMINATION_ID)
        .setVariableLocal(CommendationProcess.Var.RESUBMITTED, resubmit);
  }
}
