package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/grading.dmn as a table, on the DMN engine alone: every rule, and each threshold from just
 * below and at it (59.9% and 60% satisfaction, 49.9% and 50% trust, composite 59.99 and 60 …).
 */
class GradingDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;
  private static final List<String> MATCHED = new ArrayList<>();
  private static final Set<String> FIRED = new LinkedHashSet<>();

  @BeforeAll
  static void parse() throws IOException {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        MATCHED.clear();
        event.getMatchingRules().forEach(r -> MATCHED.add(r.getId()));
      }
    }));
    engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/grading.dmn"))) {
      decision = engine.parseDecision(EvaluationProcess.DECISION, in);
    }
  }

  @AfterAll
  static void everyRuleFired() {
    assertThat(FIRED).as("rules matched by the cases of this test")
        .containsExactlyInAnyOrder("Rule_1", "Rule_2", "Rule_3", "Rule_4", "Rule_5", "Rule_6", "Rule_7", "Rule_8",
            "Rule_9", "Rule_10", "Rule_11", "Rule_12", "Rule_13");
  }

  @Test
  void theTableIsTheGradingDecisionWithFirstHitAndChineseLabels() {
    assertThat(decision.getKey()).isEqualTo("grading");
    assertThat(decision.getName()).isEqualTo("评定等次");
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    assertThat(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.getInputs()).extracting(i -> i.getName()).containsExactly("评议对象", "综合得分", "群众满意率（党员为信任率）");
    assertThat(table.getOutputs()).extracting(o -> o.getOutputName()).containsExactly("grade", "commendable", "note");
    assertThat(table.getOutputs()).extracting(o -> o.getName()).containsExactly("等次", "可参加评先评优", "说明");
    assertThat(table.getRules()).hasSize(13);
  }

  @ParameterizedTest(name = "{0} composite {1} rate {2}: {3}, commendable {4} ({5})")
  @CsvSource(nullValues = "null", value = {
      // nothing to score at all
      "组织, null, null, 合格, false, Rule_1",
      "党员, null, 0.95, 合格, false, Rule_1",
      // organization: composite below 60 is 不合格, whatever the satisfaction
      "组织, 59.99, 0.99, 不合格, false, Rule_2",
      "组织, 60, null, 合格, false, Rule_3",
      // satisfaction under 60% blocks commendation: 59.9% vs 60%
      "组织, 95, 0.599, 合格, false, Rule_4",
      "组织, 95, 0.6, 合格, false, Rule_7",
      "组织, 60, 0.5999, 合格, false, Rule_4",
      // 优秀: composite 90 and satisfaction 90%
      "组织, 90, 0.9, 优秀, true, Rule_5",
      "组织, 89.99, 0.95, 良好, true, Rule_6",
      "组织, 95, 0.8999, 良好, true, Rule_6",
      // 良好: composite 80 and satisfaction 80%
      "组织, 80, 0.8, 良好, true, Rule_6",
      "组织, 79.99, 0.95, 合格, false, Rule_7",
      "组织, 85, 0.7999, 合格, false, Rule_7",
      // member: trust under 50% is 不合格: 49.9% vs 50%
      "党员, 98, 0.499, 不合格, false, Rule_8",
      "党员, 98, 0.5, 基本合格, false, Rule_13",
      "党员, 59.99, 0.95, 不合格, false, Rule_9",
      "党员, 60, 0.95, 基本合格, false, Rule_13",
      "党员, 80, null, 合格, false, Rule_10",
      // 优秀: composite 90 and trust 90%
      "党员, 90, 0.9, 优秀, true, Rule_11",
      "党员, 89.99, 0.95, 合格, false, Rule_12",
      "党员, 95, 0.8999, 合格, false, Rule_12",
      // 合格: composite 75 and trust 70%
      "党员, 75, 0.7, 合格, false, Rule_12",
      "党员, 74.99, 0.95, 基本合格, false, Rule_13",
      "党员, 80, 0.6999, 基本合格, false, Rule_13"})
  void gradesEachCase(String subjectType, Double composite, Double rate, String grade, boolean commendable,
      String rule) {
    DmnDecisionResultEntries result = evaluate(subjectType, composite, rate);
    assertThat(MATCHED).as("the rule that decided").containsExactly(rule);
    FIRED.add(rule);
    assertThat((String) result.getEntry("grade")).isEqualTo(grade);
    assertThat((Boolean) result.getEntry("commendable")).isEqualTo(commendable);
  }

  @Test
  void theNoteSaysWhyCommendationIsBlocked() {
    assertThat((String) evaluate("组织", 95.0, 0.599).get("note")).isEqualTo("群众满意率低于 60%，不得评先评优");
    assertThat((String) evaluate("组织", 95.0, 0.6).get("note")).isNull();
    assertThat((String) evaluate("党员", 95.0, 0.499).get("note")).isEqualTo("群众信任率低于 50%");
    assertThat((String) evaluate("组织", 70.0, null).get("note")).isEqualTo("没有有效的群众评议票，不得评先评优");
    assertThat((String) evaluate("党员", 59.0, 0.9).get("note")).isEqualTo("综合得分低于 60 分");
  }

  private static DmnDecisionResultEntries evaluate(String subjectType, Double composite, Double rate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("subjectType", subjectType);
    variables.put("composite", composite);
    variables.put("rate", rate);
    return engine.evaluateDecision(decision, variables).getSingleResult();
  }
}
