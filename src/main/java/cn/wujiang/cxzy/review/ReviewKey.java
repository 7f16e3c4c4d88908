package cn.wujiang.cxzy.review;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Which review: an organization's (memberNo null) or a member's, in one round of a phase. */
public record ReviewKey(String orgCode, String memberNo, String phaseId, int round) {

  public boolean isMember() {
    return memberNo != null;
  }

  /** The review a task or execution of leadershipReview is about. */
  static ReviewKey of(VariableScope scope) {
    Object round = scope.getVariable(ReviewProcess.Var.ROUND);
    return new ReviewKey((String) scope.getVariable(ReviewProcess.Var.ORG_CODE),
        (String) scope.getVariable(ReviewProcess.Var.MEMBER_NO),
        String.valueOf(scope.getVariable(ReviewProcess.Var.PHASE_ID)),
        round instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(round)));
  }
}
