package cn.wujiang.cxzy.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 计分: counts the electronic ballots and the paper tally and computes scores, rates and composites. */
@Component("scoreEvaluationDelegate")
class ScoreEvaluationDelegate implements JavaDelegate {

  private final ScoringService scoring;

  ScoreEvaluationDelegate(ScoringService scoring) {
    this.scoring = scoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    scoring.score(EvaluationKey.of(execution));
  }
}
