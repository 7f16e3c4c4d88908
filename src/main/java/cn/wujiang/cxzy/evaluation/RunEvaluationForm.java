package cn.wujiang.cxzy.evaluation;

import static cn.wujiang.cxzy.evaluation.EvaluationProcess.Field.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/**
 * 组织评议: the organization prints and hands out the codes and runs the evaluation; completing the
 * task (结束评议) closes the window early and says whether paper ballots are to be tallied. Where the
 * task goes otherwise (the window's timer, a cancelled instance) the window closes as well.
 */
@Component("runEvaluationForm")
class RunEvaluationForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, YEAR_NAME, WINDOW_CLOSES_TEXT, CODES_ISSUED,
      SHEET_URL, BALLOT_URL, USE_PAPER);

  private final EvaluationForms forms;
  private final EvaluationService evaluations;

  RunEvaluationForm(EvaluationForms forms, EvaluationService evaluations) {
    this.forms = forms;
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateTask task) {
    EvaluationKey key = EvaluationKey.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Evaluation evaluation = evaluations.get(key);
      Map<String, Object> values = forms.context(key);
      values.put(WINDOW_CLOSES_TEXT, EvaluationNotices.when(evaluation.getClosesAt()));
      values.put(CODES_ISSUED, evaluation.getCodesIssued() + " 个");
      values.put(SHEET_URL, EvaluationForms.sheetPath(key));
      values.put(BALLOT_URL, forms.ballotUrl());
      TaskForms.prepare(task, values);
      return;
    }
    if (EVENTNAME_DELETE.equals(task.getEventName())) {
      // The window's timer fired, or the instance was cancelled: no ballots any more, no sheet left.
      evaluations.close(key, null);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String paper = check.choice(USE_PAPER, "纸质评议票",
        List.of(EvaluationProcess.Decision.PAPER, EvaluationProcess.Decision.NO_PAPER), true);
    check.check();
    evaluations.close(key, forms.actor(task));
    TaskForms.clean(task, FIELDS);
    task.getExecution().setVariable(EvaluationProcess.Var.PAPER_BALLOTS, EvaluationProcess.Decision.PAPER.equals(paper));
  }
}
