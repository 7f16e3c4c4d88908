package cn.wujiang.cxzy.commitment;

import static cn.wujiang.cxzy.commitment.CommitmentProcess.Field.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/** 报告承诺兑现: the organization reports each item as 已兑现 / 部分兑现 / 未兑现 with a short account. */
@Component("reportFulfilmentForm")
class ReportFulfilmentForm implements TaskListener {

  static final List<String> FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of(ORG_NAME, PHASE_NAME, RETURN_COMMENT));
    for (int i = 1; i <= CommitmentProcess.MAX_ITEMS; i++) {
      fields.addAll(List.of(item(i), status(i), account(i)));
    }
    FIELDS = List.copyOf(fields);
  }

  private final CommitmentForms forms;
  private final CommitmentService commitments;

  ReportFulfilmentForm(CommitmentForms forms, CommitmentService commitments) {
    this.forms = forms;
    this.commitments = commitments;
  }

  @Override
  public void notify(DelegateTask task) {
    String orgCode = forms.orgCode(task);
    String phaseId = forms.phaseId(task);
    List<CommitmentItem> items = commitments.items(orgCode, phaseId);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, forms.org(task).getName());
      values.put(PHASE_NAME, phaseId);
      commitments.find(orgCode, phaseId).ifPresent(c -> values.put(RETURN_COMMENT, c.getFulfilmentComment()));
      for (CommitmentItem item : items) {
        values.put(item(item.getSeq()), item.getSeq() + ". " + item.getText());
        values.put(status(item.getSeq()), item.getFulfilmentStatus() == null ? null : item.getFulfilmentStatus().label());
        values.put(account(item.getSeq()), item.getFulfilmentAccount());
      }
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    List<String> labels = Arrays.stream(CommitmentItem.Fulfilment.values()).map(CommitmentItem.Fulfilment::label).toList();
    Map<Integer, CommitmentItem.Fulfilment> status = new HashMap<>();
    Map<Integer, String> accounts = new HashMap<>();
    for (CommitmentItem item : items) {
      int seq = item.getSeq();
      String label = check.choice(status(seq), "第 " + seq + " 条的兑现情况", labels, true);
      String account = check.text(account(seq), "第 " + seq + " 条的兑现说明", true, 500);
      if (label != null) {
        status.put(seq, CommitmentItem.Fulfilment.ofLabel(label));
      }
      accounts.put(seq, account);
    }
    check.check();
    commitments.reportFulfilment(orgCode, phaseId, status, accounts);
    TaskForms.clean(task, FIELDS);
  }
}
