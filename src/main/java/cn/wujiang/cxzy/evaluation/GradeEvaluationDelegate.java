package cn.wujiang.cxzy.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 评定: the grading table (grading.dmn) for the organization and each member, then the cap on 优秀. */
@Component("gradeEvaluationDelegate")
class GradeEvaluationDelegate implements JavaDelegate {

  private final ScoringService scoring;

  GradeEvaluationDelegate(ScoringService scoring) {
    this.scoring = scoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    scoring.grade(EvaluationKey.of(execution));
  }
}
