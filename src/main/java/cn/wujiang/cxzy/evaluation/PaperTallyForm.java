package cn.wujiang.cxzy.evaluation;

import static cn.wujiang.cxzy.evaluation.EvaluationProcess.Field.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.process.TaskForms;
import cn.wujiang.cxzy.review.Criterion;

/**
 * 录入纸质评议结果: the organization enters the counts of its paper ballots, per rating of each of the
 * 五个好 and of each member. No count may be negative, and each criterion's and each member's counts
 * (a member's unrated ballots included) add up to the number of paper ballots.
 */
@Component("paperTallyForm")
class PaperTallyForm implements TaskListener {

  /** More paper ballots than this is a typing error. */
  static final int MAX_BALLOTS = 100_000;
  static final String SKIPPED_LABEL = "未评";

  static final List<String> FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of(ORG_NAME, PHASE_NAME, YEAR_NAME, PAPER_BALLOT_COUNT, TALLY_MEMBERS));
    for (Criterion c : Criterion.of(false)) {
      for (Satisfaction s : Satisfaction.values()) {
        fields.add(criterionCount(c.name(), s.name()));
      }
    }
    for (int i = 1; i <= EvaluationProcess.MAX_TALLY_MEMBERS; i++) {
      fields.add(tallyMember(i));
      for (String rating : memberColumns()) {
        fields.add(memberCount(i, rating));
      }
    }
    FIELDS = List.copyOf(fields);
  }

  private final EvaluationForms forms;
  private final EvaluationService evaluations;

  PaperTallyForm(EvaluationForms forms, EvaluationService evaluations) {
    this.forms = forms;
    this.evaluations = evaluations;
  }

  /** A member row's counts: the four ratings and SKIPPED. */
  static List<String> memberColumns() {
    List<String> columns = new ArrayList<>();
    for (MemberRating r : MemberRating.values()) {
      columns.add(r.name());
    }
    columns.add(MemberRating.SKIPPED);
    return columns;
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
    Map<String, Object> values = forms.context(key);
    values.put(PAPER_BALLOT_COUNT, 0);
    for (Criterion c : Criterion.of(false)) {
      for (Satisfaction s : Satisfaction.values()) {
        values.put(criterionCount(c.name(), s.name()), 0);
      }
    }
    List<Member> members = forms.organizations().members(key.orgCode());
    List<String> memberNos = new ArrayList<>();
    for (int i = 1; i <= Math.min(members.size(), EvaluationProcess.MAX_TALLY_MEMBERS); i++) {
      Member m = members.get(i - 1);
      memberNos.add(m.getMemberNo());
      values.put(tallyMember(i), m.getName() + (m.getPosition() == null ? "" : "（" + m.getPosition() + "）"));
      for (String rating : memberColumns()) {
        values.put(memberCount(i, rating), 0);
      }
    }
    values.put(TALLY_MEMBERS, String.join(",", memberNos));
    TaskForms.prepare(task, values);
  }

  private void complete(DelegateTask task, EvaluationKey key) {
    TaskForms.Check check = new TaskForms.Check(task);
    Integer ballots = count(task, check, PAPER_BALLOT_COUNT, "纸质评议票张数");
    Tally.Builder tally = new Tally.Builder().ballots(ballots == null ? 0 : ballots);
    for (Criterion c : Criterion.of(false)) {
      List<Integer> counts = new ArrayList<>();
      for (Satisfaction s : Satisfaction.values()) {
        Integer n = count(task, check, criterionCount(c.name(), s.name()), c.label() + "·" + s.label());
        counts.add(n);
        if (n != null) {
          tally.add(c, s, n);
        }
      }
      sum(check, ballots, counts, "“" + c.label() + "”");
    }
    Object listed = TaskForms.value(task, TALLY_MEMBERS);
    List<String> memberNos = listed == null || listed.toString().isBlank() ? List.of()
        : List.of(listed.toString().split(","));
    for (int i = 1; i <= memberNos.size(); i++) {
      String memberNo = memberNos.get(i - 1);
      String name = forms.organizations().member(memberNo).map(Member::getName).orElse(memberNo);
      List<Integer> counts = new ArrayList<>();
      for (String rating : memberColumns()) {
        String label = MemberRating.SKIPPED.equals(rating) ? SKIPPED_LABEL : MemberRating.valueOf(rating).label();
        Integer n = count(task, check, memberCount(i, rating), name + "·" + label);
        counts.add(n);
        if (n != null && !MemberRating.SKIPPED.equals(rating)) {
          tally.add(memberNo, MemberRating.valueOf(rating), n);
        }
      }
      sum(check, ballots, counts, "党员" + name);
    }
    check.check();
    evaluations.recordPaperTally(key, tally.build(), forms.actor(task));
    TaskForms.clean(task, FIELDS);
  }

  /** A count as entered: a whole number from 0; blank counts as 0. */
  static Integer count(DelegateTask task, TaskForms.Check check, String key, String label) {
    Object value = TaskForms.value(task, key);
    if (value == null || value.toString().isBlank()) {
      return 0;
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(value.toString().trim());
      } catch (NumberFormatException e) {
        check.problem("“" + label + "”应为整数");
        return null;
      }
    }
    if (number != Math.rint(number)) {
      check.problem("“" + label + "”应为整数");
      return null;
    }
    if (number < 0) {
      check.problem("“" + label + "”不能为负数");
      return null;
    }
    if (number > MAX_BALLOTS) {
      check.problem("“" + label + "”过大，最多 " + MAX_BALLOTS);
      return null;
    }
    return (int) number;
  }

  private static void sum(TaskForms.Check check, Integer ballots, Collection<Integer> counts, String what) {
    if (ballots == null || counts.contains(null)) {
      return;
    }
    int sum = counts.stream().mapToInt(Integer::intValue).sum();
    if (sum != ballots) {
      check.problem(what + "各项票数之和（" + sum + "）与纸质评议票张数（" + ballots + "）不一致");
    }
  }
}
