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

/** 确认党员承诺: all members' commitments in one table; confirm them, or send one member's back. */
@Component("confirmMemberCommitmentsForm")
class ConfirmMemberCommitmentsForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, CLAIMS, MEMBER_OPTIONS, DECISION,
      RETURN_MEMBER, COMMENT);

  private final CommitmentForms forms;
  private final CommitmentService commitments;

  ConfirmMemberCommitmentsForm(CommitmentForms forms, CommitmentService commitments) {
    this.forms = forms;
    this.commitments = commitments;
  }

  @Override
  public void notify(DelegateTask task) {
    String orgCode = forms.orgCode(task);
    String phaseId = forms.phaseId(task);
    List<CommitmentService.MemberLine> lines = commitments.memberLines(orgCode, phaseId);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, forms.org(task).getName());
      values.put(PHASE_NAME, phaseId);
      values.put(CLAIMS, lines.stream().map(l -> {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("memberName", l.memberName());
        row.put("items", l.items());
        row.put("text", l.text());
        row.put("status", l.status());
        return row;
      }).toList());
      values.put(MEMBER_OPTIONS, CommitmentForms.options(
          lines.stream().map(CommitmentService.MemberLine::memberName).toList(),
          lines.stream().map(CommitmentService.MemberLine::memberNo).toList()));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "确认结果",
        List.of(CommitmentProcess.Decision.APPROVE, CommitmentProcess.Decision.RETURN), true);
    boolean confirmed = CommitmentProcess.Decision.APPROVE.equals(decision);
    String member = null;
    String comment = null;
    if (decision != null && !confirmed) {
      member = check.choice(RETURN_MEMBER, "退回的党员",
          lines.stream().map(CommitmentService.MemberLine::memberNo).toList(), true);
      comment = check.text(COMMENT, "退回原因", true, 1000);
    }
    check.check();
    TaskForms.clean(task, FIELDS);
    if (confirmed) {
      commitments.confirmMemberCommitments(orgCode, phaseId);
    } else {
      commitments.returnMemberCommitment(orgCode, phaseId, member, comment);
      task.getExecution().setVariable(CommitmentProcess.Var.RETURNED_MEMBER_NO, member);
    }
    task.getExecution().setVariable(CommitmentProcess.Var.CONFIRMED, confirmed);
  }
}
