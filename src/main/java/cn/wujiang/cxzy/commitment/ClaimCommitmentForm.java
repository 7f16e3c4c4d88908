package cn.wujiang.cxzy.commitment;

import static cn.wujiang.cxzy.commitment.CommitmentProcess.Field.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.process.TaskForms;

/** 认领承诺 and 修改个人承诺: a member claims items and writes a personal commitment. */
@Component("claimCommitmentForm")
class ClaimCommitmentForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, MEMBER_NAME, RETURN_COMMENT, ITEM_OPTIONS,
      CLAIMED_ITEMS, PERSONAL_COMMITMENT);

  private final CommitmentForms forms;
  private final CommitmentService commitments;

  ClaimCommitmentForm(CommitmentForms forms, CommitmentService commitments) {
    this.forms = forms;
    this.commitments = commitments;
  }

  @Override
  public void notify(DelegateTask task) {
    String orgCode = forms.orgCode(task);
    String phaseId = forms.phaseId(task);
    String memberNo = (String) task.getVariable(CommitmentProcess.Var.MEMBER_NO);
    List<CommitmentItem> items = commitments.items(orgCode, phaseId);
    List<String> seqs = items.stream().map(i -> String.valueOf(i.getSeq())).toList();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Member member = forms.organizations().member(memberNo).orElseThrow();
      Map<String, Object> values = new HashMap<>();
      values.put(ORG_NAME, forms.org(task).getName());
      values.put(PHASE_NAME, phaseId);
      values.put(MEMBER_NAME, member.getName() + (member.getPosition() == null ? "" : "（" + member.getPosition() + "）"));
      values.put(CLAIMED_ITEMS, TaskForms.checklist(List.of()));
      values.put(ITEM_OPTIONS, CommitmentForms.options(
          items.stream().map(i -> i.getSeq() + ". " + i.getText()).toList(), seqs));
      commitments.memberCommitment(orgCode, phaseId, memberNo).ifPresent(mc -> {
        values.put(CLAIMED_ITEMS, TaskForms.checklist(mc.getItemSeqs() == null || mc.getItemSeqs().isEmpty()
            ? List.of() : List.of(mc.getItemSeqs().split(","))));
        values.put(PERSONAL_COMMITMENT, mc.getText());
        if (mc.getStatus() == MemberCommitment.Status.RETURNED) {
          values.put(RETURN_COMMENT, mc.getReturnComment());
        }
      });
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    List<String> claimed = check.choices(CLAIMED_ITEMS, "认领的承诺事项", seqs, true);
    String text = check.text(PERSONAL_COMMITMENT, "个人承诺", true, 1000);
    check.check();
    List<Integer> claimedSeqs = new ArrayList<>();
    claimed.stream().distinct().forEach(s -> claimedSeqs.add(Integer.valueOf(s)));
    commitments.claim(orgCode, phaseId, memberNo, claimedSeqs, text, forms.actor(task));
    TaskForms.clean(task, FIELDS);
  }
}
