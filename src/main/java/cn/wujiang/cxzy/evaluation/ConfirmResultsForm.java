package cn.wujiang.cxzy.evaluation;

import static cn.wujiang.cxzy.evaluation.EvaluationProcess.Field.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.process.TaskForms;
import cn.wujiang.cxzy.review.Criterion;

/**
 * 确认评议结果: the direct leader sees the results and confirms them, or changes one grade with a
 * required reason (the task then comes back with the change in the table). Grades are not decided by
 * votes alone: every change is kept with who made it, when and why.
 */
@Component("confirmResultsForm")
class ConfirmResultsForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, YEAR_NAME, SUMMARY, RESULTS, CRITERIA,
      OPINIONS_URL, CHANGES, SUBJECT_OPTIONS, DECISION, CHANGE_SUBJECT, NEW_GRADE, CHANGE_REASON);

  private final EvaluationForms forms;
  private final EvaluationService evaluations;

  ConfirmResultsForm(EvaluationForms forms, EvaluationService evaluations) {
    this.forms = forms;
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateTask task) {
    EvaluationKey key = EvaluationKey.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      create(task, key);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task, key);
    }
  }

  private void create(DelegateTask task, EvaluationKey key) {
    Evaluation evaluation = evaluations.get(key);
    List<EvaluationResult> results = evaluations.results(evaluation);
    Map<String, Member> members = members(key);
    Map<String, Object> values = forms.context(key);
    values.put(SUMMARY, summary(evaluation, results));
    List<Map<String, String>> rows = new ArrayList<>();
    List<Map<String, String>> options = new ArrayList<>();
    for (EvaluationResult r : results) {
      String subject = r.isMember() ? name(members, r.getMemberNo()) : "本组织";
      rows.add(row(subject, r));
      options.add(Map.of("label", subject + "（当前：" + r.getGrade().label() + "）",
          "value", r.isMember() ? r.getMemberNo() : EvaluationProcess.ORGANIZATION_SUBJECT));
    }
    values.put(RESULTS, rows);
    values.put(SUBJECT_OPTIONS, options);
    values.put(CRITERIA, criteria(results));
    int opinions = evaluations.opinions(evaluation).size();
    values.put(OPINIONS_URL, opinions == 0 ? null : EvaluationForms.opinionsPath(key));
    values.put(CHANGES, changes(evaluation, results, members));
    TaskForms.prepare(task, values);
  }

  private void complete(DelegateTask task, EvaluationKey key) {
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "确认结果",
        List.of(EvaluationProcess.Decision.CONFIRM, EvaluationProcess.Decision.CHANGE), true);
    boolean change = EvaluationProcess.Decision.CHANGE.equals(decision);
    if (!change) {
      check.check();
      evaluations.confirm(key, forms.actor(task));
      TaskForms.clean(task, FIELDS);
      task.getExecution().setVariable(EvaluationProcess.Var.RESULTS_CONFIRMED, true);
      return;
    }
    List<EvaluationResult> results = evaluations.results(evaluations.get(key));
    Map<String, EvaluationResult> bySubject = results.stream().collect(Collectors.toMap(
        r -> r.isMember() ? r.getMemberNo() : EvaluationProcess.ORGANIZATION_SUBJECT, Function.identity(),
        (a, b) -> a, LinkedHashMap::new));
    String subject = check.choice(CHANGE_SUBJECT, "调整对象", bySubject.keySet(), true);
    String grade = check.choice(NEW_GRADE, "调整后的等次", Arrays.stream(Grade.values()).map(Grade::name).toList(), true);
    String reason = check.text(CHANGE_REASON, "调整理由", true, EvaluationProcess.MAX_REASON);
    Grade to = grade == null ? null : Grade.valueOf(grade);
    EvaluationResult result = subject == null ? null : bySubject.get(subject);
    if (result != null && to != null) {
      if (!Grade.of(result.isMember()).contains(to)) {
        check.problem((result.isMember() ? "党员" : "党组织") + "的等次只能是"
            + Grade.of(result.isMember()).stream().map(Grade::label).collect(Collectors.joining("、")));
      } else if (to == result.getGrade()) {
        check.problem("调整后的等次与当前等次相同");
      }
    }
    check.check();
    evaluations.changeGrade(key, subject, to, reason, forms.actor(task));
    TaskForms.clean(task, FIELDS);
    task.getExecution().setVariable(EvaluationProcess.Var.RESULTS_CONFIRMED, false);
  }

  private Map<String, Member> members(EvaluationKey key) {
    return forms.organizations().members(key.orgCode()).stream()
        .collect(Collectors.toMap(Member::getMemberNo, Function.identity()));
  }

  private static String name(Map<String, Member> members, String memberNo) {
    return Optional.ofNullable(members.get(memberNo)).map(Member::getName).orElse(memberNo);
  }

  private String summary(Evaluation evaluation, List<EvaluationResult> results) {
    EvaluationResult org = results.stream().filter(r -> !r.isMember()).findFirst().orElseThrow();
    return "有效评议票 " + org.getRated() + " 张（电子 " + org.getElectronicBallots() + " 张，纸质 "
        + org.getPaperBallots() + " 张）；发放评议码 " + evaluation.getCodesIssued() + " 个，使用 "
        + evaluations.usedCodes(evaluation) + " 个。\n评议于 " + EvaluationNotices.when(evaluation.getClosedAt())
        + (evaluation.getClosedBy() == null ? " 评议期满自动结束。" : " 由 " + evaluation.getClosedBy() + " 结束。")
        + "\n综合得分 = 群众评议得分、上级点评得分、承诺兑现率按设定权重加权，缺少的部分不计。";
  }

  private static Map<String, String> row(String subject, EvaluationResult r) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("subject", subject);
    row.put("ballots", String.valueOf(r.getRated()));
    row.put("rate", EvaluationForms.percent(r.getRate()));
    row.put("mass", EvaluationForms.number(r.getMassScore()));
    row.put("review", EvaluationForms.number(r.getReviewScore()));
    row.put("fulfilment", r.isMember() ? "—" : EvaluationForms.percent(r.getFulfilmentRate()));
    row.put("composite", EvaluationForms.number(r.getComposite()));
    row.put("proposed", r.getProposedGrade().label());
    row.put("grade", r.getGrade().label());
    row.put("commendable", r.isCommendable() ? "是" : "否");
    row.put("note", r.getNote() == null ? "" : r.getNote());
    return row;
  }

  private static List<Map<String, String>> criteria(List<EvaluationResult> results) {
    EvaluationResult org = results.stream().filter(r -> !r.isMember()).findFirst().orElseThrow();
    Map<String, Integer> counts = org.getRatingCounts();
    Map<String, BigDecimal> scores = org.getCriterionScores();
    List<Map<String, String>> rows = new ArrayList<>();
    for (Criterion c : Criterion.of(false)) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("criterion", c.label());
      for (Satisfaction s : Satisfaction.values()) {
        row.put(s.name(), String.valueOf(counts.getOrDefault(c.name() + "." + s.name(), 0)));
      }
      row.put("score", EvaluationForms.number(scores.get(c.name())));
      rows.add(row);
    }
    return rows;
  }

  private String changes(Evaluation evaluation, List<EvaluationResult> results, Map<String, Member> members) {
    Map<Long, EvaluationResult> byId = results.stream().collect(Collectors.toMap(EvaluationResult::getId, r -> r));
    List<String> lines = new ArrayList<>();
    for (GradeChange change : evaluations.changes(evaluation)) {
      EvaluationResult r = byId.get(change.getResultId());
      String subject = r == null || !r.isMember() ? "本组织" : name(members, r.getMemberNo());
      lines.add(EvaluationNotices.when(change.getChangedAt()) + " " + change.getChangedBy() + " 将" + subject + "由"
          + change.getFromGrade().label() + "调整为" + change.getToGrade().label() + "，理由：" + change.getReason());
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }
}
