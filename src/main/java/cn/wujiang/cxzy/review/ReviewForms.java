package cn.wujiang.cxzy.review;

import static cn.wujiang.cxzy.review.ReviewProcess.Field.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.commitment.CommitmentItem;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.TaskForms;

/** What the review forms share: the context at the top, who is acting, the ratings, where decisions go. */
@Component
class ReviewForms {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final OrganizationService organizations;
  private final CommitmentService commitments;
  private final IdentityService identityService;

  ReviewForms(OrganizationService organizations, CommitmentService commitments, IdentityService identityService) {
    this.organizations = organizations;
    this.commitments = commitments;
    this.identityService = identityService;
  }

  /** 党组织, 时段, 轮次 and, for a member's review, 党员. */
  Map<String, Object> context(ReviewKey key) {
    Map<String, Object> values = new HashMap<>();
    values.put(ORG_NAME, organizations.get(key.orgCode()).getName());
    values.put(PHASE_NAME, key.phaseId());
    values.put(ROUND_NAME, "第 " + key.round() + " 轮");
    if (key.isMember()) {
      values.put(MEMBER_NAME, organizations.member(key.memberNo())
          .map(m -> m.getName() + (m.getPosition() == null ? "" : "（" + m.getPosition() + "）"))
          .orElse(key.memberNo()));
    }
    return values;
  }

  /** The organization's commitment items for the phase, one a line: what the review weighs. */
  String commitmentItems(ReviewKey key) {
    return commitments.items(key.orgCode(), key.phaseId()).stream()
        .map(i -> i.getSeq() + ". " + i.getText()).collect(Collectors.joining("\n"));
  }

  /** The items the member claimed and the member's own commitment. */
  String memberCommitment(ReviewKey key) {
    Map<Integer, String> items = commitments.items(key.orgCode(), key.phaseId()).stream()
        .collect(Collectors.toMap(CommitmentItem::getSeq, CommitmentItem::getText));
    return commitments.memberCommitment(key.orgCode(), key.phaseId(), key.memberNo()).map(mc -> {
      String claimed = mc.getItemSeqs() == null || mc.getItemSeqs().isBlank() ? "" : Arrays
          .stream(mc.getItemSeqs().split(",")).map(String::trim)
          .map(s -> s + ". " + items.getOrDefault(Integer.valueOf(s), "")).collect(Collectors.joining("；"));
      return "认领事项：" + claimed + "\n个人承诺：" + mc.getText();
    }).orElse(null);
  }

  /** Checks the five ratings of an organization's or a member's review. */
  static Map<Criterion, Rating> ratings(TaskForms.Check check, boolean member) {
    List<String> allowed = Arrays.stream(Rating.values()).map(Rating::name).toList();
    Map<Criterion, Rating> ratings = new EnumMap<>(Criterion.class);
    for (Criterion criterion : Criterion.of(member)) {
      String value = check.choice(criterion.key(), criterion.label(), allowed, true);
      if (value != null) {
        ratings.put(criterion, Rating.valueOf(value));
      }
    }
    return ratings;
  }

  static ReviewMeans means(TaskForms.Check check, boolean member) {
    String value = check.choice(REVIEW_FORM, member ? "点评形式" : "点评途径",
        ReviewMeans.of(member).stream().map(ReviewMeans::name).toList(), true);
    return value == null ? null : ReviewMeans.valueOf(value);
  }

  /** The person completing the task: the logged-in user, or the assignee. */
  String actor(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }

  /**
   * Records a decision where the gateways after the task find it: on the process instance for the
   * organization, on the member's own instance of the subprocess for a member (the task's
   * execution is a scope of its own, which ends with the task, since the task has boundary events).
   */
  static void decide(DelegateTask task, ReviewKey key, String variable, Object value) {
    if (key.isMember()) {
      memberExecution(task).setVariableLocal(variable, value);
    } else {
      task.getExecution().setVariable(variable, value);
    }
  }

  /** The execution of the member's instance of the multi-instance subprocess: the one holding memberNo. */
  static DelegateExecution memberExecution(DelegateTask task) {
    return TaskForms.scopeHolding(task, ReviewProcess.Var.MEMBER_NO);
  }

  static String day(LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }
}
