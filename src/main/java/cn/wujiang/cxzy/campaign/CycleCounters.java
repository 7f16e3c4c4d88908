package cn.wujiang.cxzy.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Counts the rounds of an organization's cycle as each review or evaluation ends. */
final class CycleCounters {

  private CycleCounters() {
  }

  static void increment(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    execution.setVariable(name, (value instanceof Number n ? n.intValue() : 0) + 1);
  }

  /** 领导点评 finished: one more round. */
  @Component("reviewRoundDone")
  static class ReviewRoundDone implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      increment(execution, CampaignProcess.Var.REVIEW_ROUNDS);
    }
  }

  /** 群众评议 finished: one more evaluation. */
  @Component("evaluationDone")
  static class EvaluationDone implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      increment(execution, CampaignProcess.Var.EVALUATIONS);
    }
  }
}
