package cn.wujiang.cxzy.commitment;

import static cn.wujiang.cxzy.commitment.CommitmentProcess.Field.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/** 核实兑现情况: the direct leader verifies the report or returns it with a reason. */
@Component("verifyFulfilmentForm")
class VerifyFulfilmentForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, FULFILMENT, DECISION, COMMENT);

  private final CommitmentForms forms;
  private final CommitmentService commitments;

  VerifyFulfilmentForm(CommitmentForms forms, CommitmentService commitments) {
    this.forms = forms;
    this.commitments = commitments;
  }

  @Override
  public void notify(DelegateTask task) {
    String orgCode = forms.orgCode(task);
    String phaseId = forms.phaseId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, forms.org(task).getName());
      values.put(PHASE_NAME, phaseId);
      values.put(FULFILMENT, commitments.items(orgCode, phaseId).stream().map(i -> {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("item", i.getSeq() + ". " + i.getText());
        row.put("status", i.getFulfilmentStatus() == null ? "" : i.getFulfilmentStatus().label());
        row.put("account", i.getFulfilmentAccount() == null ? "" : i.getFulfilmentAccount());
        return row;
      }).toList());
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "核实结果",
        List.of(CommitmentProcess.Decision.APPROVE, CommitmentProcess.Decision.RETURN), true);
    boolean verified = CommitmentProcess.Decision.APPROVE.equals(decision);
    String comment = check.text(COMMENT, "核实意见", decision != null && !verified, 1000);
    check.check();
    TaskForms.clean(task, FIELDS);
    if (verified) {
      commitments.verifyFulfilment(orgCode, phaseId, forms.actor(task), comment);
    } else {
      commitments.returnFulfilment(orgCode, phaseId, comment);
    }
    task.getExecution().setVariable(CommitmentProcess.Var.FULFILMENT_VERIFIED, verified);
  }
}
