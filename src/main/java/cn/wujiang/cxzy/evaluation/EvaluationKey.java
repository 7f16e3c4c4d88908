package cn.wujiang.cxzy.evaluation;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Which evaluation: one grassroots organization's in one phase and year. */
public record EvaluationKey(String orgCode, String phaseId, int year) {

  /** The business key of its massEvaluation instance. */
  public String businessKey() {
    return orgCode + ":" + phaseId + ":" + year;
  }

  /** The evaluation a task or execution of massEvaluation is about. */
  static EvaluationKey of(VariableScope scope) {
    Object year = scope.getVariable(EvaluationProcess.Var.YEAR);
    return new EvaluationKey((String) scope.getVariable(EvaluationProcess.Var.ORG_CODE),
        String.valueOf(scope.getVariable(EvaluationProcess.Var.PHASE_ID)),
        year instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(year).trim()));
  }
}
