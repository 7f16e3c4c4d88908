package cn.wujiang.cxzy.evaluation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 生成评议码: opens the evaluation with its one-time codes and tells the organization. The window's
 * end becomes the timer of 组织评议; paper ballots are asked for after it unless the organization says
 * it used none.
 */
@Component("generateCodesDelegate")
class GenerateCodesDelegate implements JavaDelegate {

  private final EvaluationService evaluations;
  private final EvaluationNotices notices;

  GenerateCodesDelegate(EvaluationService evaluations, EvaluationNotices notices) {
    this.evaluations = evaluations;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Evaluation evaluation = evaluations.open(EvaluationKey.of(execution));
    execution.setVariable(EvaluationProcess.Var.WINDOW_CLOSES, Date.from(evaluation.getClosesAt()));
    execution.setVariable(EvaluationProcess.Var.PAPER_BALLOTS, true);
    notices.opened(evaluation);
  }
}
