package cn.wujiang.cxzy.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 通报: announces the confirmed results within the configured scope (cxzy.evaluation.announce-scope):
 * public, on the board's 评议结果 page, or only to the organizations under the same leading body; and
 * tells the organization.
 */
@Component("announceResultsDelegate")
class AnnounceResultsDelegate implements JavaDelegate {

  private final EvaluationService evaluations;
  private final EvaluationNotices notices;

  AnnounceResultsDelegate(EvaluationService evaluations, EvaluationNotices notices) {
    this.evaluations = evaluations;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Evaluation evaluation = evaluations.announce(EvaluationKey.of(execution));
    EvaluationResult result = evaluations.results(evaluation).stream().filter(r -> !r.isMember()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no result of " + evaluation.getKey().businessKey()));
    notices.announced(evaluation, result);
  }
}
