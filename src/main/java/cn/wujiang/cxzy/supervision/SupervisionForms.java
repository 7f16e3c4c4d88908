package cn.wujiang.cxzy.supervision;

import static cn.wujiang.cxzy.supervision.SupervisionProcess.Field.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.process.TaskForms;

/** The three forms of a spot check: 记录督查情况, 限期改进, 验收改进. */
final class SupervisionForms {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  static final List<String> RESULTS = List.of("到位", "基本到位", "不到位");

  private SupervisionForms() {
  }

  /** What every form shows at the top, and who acts. */
  @Component
  static class Context {
    private final OrganizationService organizations;
    private final SupervisionService supervision;
    private final IdentityService identityService;

    Context(OrganizationService organizations, SupervisionService supervision, IdentityService identityService) {
      this.organizations = organizations;
      this.supervision = supervision;
      this.identityService = identityService;
    }

    String orgCode(DelegateTask task) {
      return (String) task.getVariable(SupervisionProcess.Var.ORG_CODE);
    }

    String drawId(DelegateTask task) {
      return (String) task.getVariable(SupervisionProcess.Var.DRAW_ID);
    }

    Inspection inspection(DelegateTask task) {
      return supervision.inspection(drawId(task), orgCode(task));
    }

    Map<String, Object> values(DelegateTask task) {
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, organizations.get(orgCode(task)).getName());
      Object phaseName = task.getVariable("phaseName");
      values.put(PHASE_NAME, phaseName == null ? task.getVariable(SupervisionProcess.Var.PHASE_ID) : phaseName);
      Inspection inspection = inspection(task);
      values.put(FINDINGS, inspection.getFindings());
      values.put(DEADLINE_TEXT, inspection.getImprovementDue() == null ? null : DAY.format(inspection.getImprovementDue()));
      values.put(REPORT, inspection.getImprovementReport());
      return values;
    }

    String actor(DelegateTask task) {
      Authentication authentication = identityService.getCurrentAuthentication();
      return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    SupervisionService supervision() {
      return supervision;
    }
  }

  /** 记录督查情况: findings and 到位 / 基本到位 / 不到位; 不到位 needs an improvement deadline. */
  @Component("recordInspectionForm")
  static class RecordInspection implements TaskListener {
    static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, DRAW_NOTE, FINDINGS, RESULT, DEADLINE);
    private final Context context;

    RecordInspection(Context context) {
      this.context = context;
    }

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        Map<String, Object> values = context.values(task);
        values.remove(DEADLINE_TEXT);
        values.remove(REPORT);
        values.put(DRAW_NOTE, "本单位在随机抽查中被抽中，请实地督查后如实记录。");
        TaskForms.prepare(task, values);
        return;
      }
      if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      TaskForms.Check check = new TaskForms.Check(task);
      String findings = check.text(FINDINGS, "督查发现", true, 2000);
      String result = check.choice(RESULT, "督查结论", RESULTS, true);
      boolean passed = result == null || !"不到位".equals(result);
      LocalDate due = check.date(DEADLINE, "改进期限", !passed, true);
      check.check();
      context.supervision().record(context.drawId(task), context.orgCode(task), context.actor(task), findings,
          Inspection.Result.ofLabel(result), passed ? null : due);
      TaskForms.clean(task, FIELDS);
      var scope = TaskForms.scopeHolding(task, SupervisionProcess.Var.ORG_CODE);
      scope.setVariableLocal(SupervisionProcess.Var.PASSED, passed);
      if (!passed) {
        scope.setVariableLocal(SupervisionProcess.Var.DUE, Deadlines.endOfDay(due));
      }
    }
  }

  /** 限期改进: the organization reports what it changed. */
  @Component("improveForm")
  static class Improve implements TaskListener {
    static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, FINDINGS, DEADLINE_TEXT, RETURN_COMMENT, REPORT);
    private final Context context;

    Improve(Context context) {
      this.context = context;
    }

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        Map<String, Object> values = context.values(task);
        values.put(RETURN_COMMENT, context.inspection(task).getVerificationComment());
        TaskForms.prepare(task, values);
        return;
      }
      if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      TaskForms.Check check = new TaskForms.Check(task);
      String report = check.text(REPORT, "改进情况", true, 2000);
      check.check();
      context.supervision().report(context.drawId(task), context.orgCode(task), report);
      TaskForms.clean(task, FIELDS);
    }
  }

  /** 验收改进: the leading body accepts the improvement or returns it with a reason. */
  @Component("verifyImprovementForm")
  static class VerifyImprovement implements TaskListener {
    static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, FINDINGS, DEADLINE_TEXT, REPORT, DECISION, COMMENT);
    private final Context context;

    VerifyImprovement(Context context) {
      this.context = context;
    }

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        TaskForms.prepare(task, context.values(task));
        return;
      }
      if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      TaskForms.Check check = new TaskForms.Check(task);
      String decision = check.choice(DECISION, "验收结论", List.of("approve", "return"), true);
      boolean accepted = "approve".equals(decision);
      String comment = check.text(COMMENT, "验收意见", decision != null && !accepted, 1000);
      check.check();
      context.supervision().verify(context.drawId(task), context.orgCode(task), context.actor(task), accepted, comment);
      TaskForms.clean(task, FIELDS);
      TaskForms.scopeHolding(task, SupervisionProcess.Var.ORG_CODE).setVariableLocal(SupervisionProcess.Var.ACCEPTED, accepted);
    }
  }
}
