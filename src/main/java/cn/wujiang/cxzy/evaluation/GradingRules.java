package cn.wujiang.cxzy.evaluation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The grading decision (processes/grading.dmn, decision {@code grading}), one subject at a time. The
 * thresholds live in the table, where leaders change them in the Modeler; nothing of them is in Java.
 */
@Component
class GradingRules {

  /** The subject types the table knows. */
  static final String ORGANIZATION = "组织";
  static final String MEMBER = "党员";

  /** What the table decided for one subject. */
  record Outcome(Grade grade, boolean commendable, String note) {
  }

  private final DecisionService decisionService;

  GradingRules(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  Outcome grade(boolean member, BigDecimal composite, BigDecimal rate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("subjectType", member ? MEMBER : ORGANIZATION);
    variables.put("composite", composite == null ? null : composite.doubleValue());
    variables.put("rate", rate == null ? null : rate.doubleValue());
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(EvaluationProcess.DECISION)
        .variables(variables).evaluate();
    // An output whose cell is empty (a rule without a note) is absent from the entries.
    DmnDecisionResultEntries entries = result.getFirstResult();
    if (entries == null) {
      throw new IllegalStateException("the grading table has no rule for " + variables);
    }
    String label = (String) entries.get("grade");
    Grade grade = Grade.ofLabel(label)
        .filter(Grade.of(member)::contains)
        .orElseThrow(() -> new IllegalStateException("the grading table gave " + label + " for " + variables));
    return new Outcome(grade, Boolean.TRUE.equals(entries.get("commendable")), (String) entries.get("note"));
  }
}
