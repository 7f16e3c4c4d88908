package cn.wujiang.cxzy.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.notification.Notice;
import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.process.InvalidFormException;
import cn.wujiang.cxzy.process.TaskDeadlineNotices;

/**
 * The leadershipReview process on the demo city: the superior reviews the organization, the
 * organization reviews each member, rectifications are reported, verified, returned and escalated
 * when overdue. Tasks are completed as Tasklist does, through their forms.
 */
@DemoCityTest
@Import(ProcessEngineCoverageConfiguration.class)
class LeadershipReviewProcessTest {

  /** Monday 2 March 2026, 09:00 in Wujiang. */
  private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);
  private static final LocalDate TODAY = START.toLocalDate();

  @Autowired
  private ProcessEngine processEngine;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private FormService formService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private OrganizationService organizations;
  @Autowired
  private NotificationService notifications;
  @Autowired
  private ReviewStarter starter;
  @Autowired
  private ReviewService reviews;
  @Autowired
  private Deadlines deadlines;
  @Autowired
  private CommitmentService commitments;

  private String phase;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    setClock(START);
    phase = "2026上半年-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void withoutRectificationBothBranchesEndAndTheRatingsAreKeptPerCriterion() {
    assertThat(organizations.leaderGroupOf("edu-syxx")).isEqualTo("edu-bureau");
    commitments.saveDraft("edu-syxx", phase, new CommitmentService.Draft("立足课堂，争创先进。", "本时段完成结对帮扶。",
        List.of("每周开展一次党员示范课", "结对帮扶学困生"), "五个好", "五带头", List.of("堡垒工程")));
    commitments.claim("edu-syxx", phase, "M00040", List.of(2), "本学期结对帮扶三名学困生。", "edu-syxx.m1");
    ProcessInstance pi = starter.start("edu-syxx", phase, 1);

    assertThat(pi).isWaitingAt(ReviewProcess.Element.REVIEW_ORGANIZATION, ReviewProcess.Element.REVIEW_MEMBER);
    Task orgTask = task(pi, ReviewProcess.Element.REVIEW_ORGANIZATION);
    assertThat(orgTask).hasCandidateGroup(organizations.leaderGroupOf("edu-syxx")).hasCandidateGroup("edu-bureau")
        .hasName("上级点评").hasDueDate(at(START.plus(Duration.parse(deadlines.getTask()))));
    Map<String, Object> shown = taskService.getVariablesLocal(orgTask.getId());
    assertThat(shown).containsEntry("orgName", "吴江市实验小学党支部").containsEntry("phaseName", phase)
        .containsEntry("roundName", "第 1 轮").containsEntry("commitments", "1. 每周开展一次党员示范课\n2. 结对帮扶学困生")
        .as("fields still to be filled in cost no variable").doesNotContainKeys("ratingLeadership", "rectificationDue");

    List<Task> memberTasks = memberReviewTasks(pi);
    assertThat(memberTasks).hasSize(organizations.memberNos("edu-syxx").size()).hasSize(7);
    memberTasks.forEach(t -> assertThat(t).hasCandidateGroup(organizations.groupOf("edu-syxx"))
        .hasCandidateGroup("edu-syxx").hasName("点评党员"));
    assertThat(taskService.getVariablesLocal(memberTask(pi, ReviewProcess.Element.REVIEW_MEMBER, "M00040").getId()))
        .containsEntry("memberName", "熊玉兰（语文教师）").containsEntry("orgName", "吴江市实验小学党支部")
        .containsEntry("memberCommitment", "认领事项：2. 结对帮扶学困生\n个人承诺：本学期结对帮扶三名学困生。");

    submit(orgTask, "edu-bureau.sec", orgReview(null));
    assertThat(pi).hasPassed("Gateway_OrgReviewDone").hasNotPassed(ReviewProcess.Element.RECTIFY_ORGANIZATION)
        .isWaitingAt(ReviewProcess.Element.REVIEW_MEMBER);
    for (Task task : memberReviewTasks(pi)) {
      submit(task, "edu-syxx.sec", memberReview(null));
    }

    join(pi);
    assertThat(pi).isEnded().hasPassed("Gateway_ReviewJoin", "EndEvent_ReviewCompleted", "EndEvent_MemberReviewed")
        .hasNotPassed(ReviewProcess.Element.RECTIFY_MEMBER);
    Review review = reviews.get(new ReviewKey("edu-syxx", null, phase, 1));
    assertThat(review.getReviewerOrgCode()).isEqualTo("edu-bureau");
    assertThat(review.getReviewer()).isEqualTo("edu-bureau.sec");
    assertThat(review.getMeans()).isEqualTo(ReviewMeans.SURVEY_FORUM);
    assertThat(review.getAchievements()).isEqualTo("党建与业务统筹推进，承诺事项落实有力。");
    assertThat(review.isRectificationRequired()).isFalse();
    assertThat(review.getRectificationStatus()).isNull();
    Review memberReview = reviews.get(new ReviewKey("edu-syxx", "M00040", phase, 1));
    assertThat(memberReview.getReviewerOrgCode()).isEqualTo("edu-syxx");
    assertThat(memberReview.getMeans()).isEqualTo(ReviewMeans.DEMOCRATIC_APPRAISAL);

    ReviewService.PhaseRatings ratings = reviews.ratings("edu-syxx", phase);
    assertThat(ratings.organization().ratings()).containsExactly(
        Map.entry(Criterion.LEADERSHIP, Rating.EXCELLENT), Map.entry(Criterion.MEMBERSHIP, Rating.GOOD),
        Map.entry(Criterion.MECHANISM, Rating.GOOD), Map.entry(Criterion.PERFORMANCE, Rating.FAIR),
        Map.entry(Criterion.PUBLIC_FEEDBACK, Rating.EXCELLENT));
    assertThat(ratings.organization().average()).isEqualByComparingTo(new BigDecimal("88.00"));
    assertThat(ratings.organization().score(Criterion.PERFORMANCE)).isEqualTo(70);
    assertThat(ratings.members()).hasSize(7);
    assertThat(ratings.members().get("M00040").ratings()).containsEntry(Criterion.LEARNING, Rating.EXCELLENT)
        .containsEntry(Criterion.LAW_ABIDING, Rating.POOR).hasSize(5);
    // 100, 85, 85, 50, 70
    assertThat(ratings.members().get("M00040").average()).isEqualByComparingTo(new BigDecimal("78.00"));
  }

  @Test
  void rectificationsOrderedReportedAndAcceptedOnBothBranches() {
    assertThat(organizations.leaderGroupOf("sl-zx")).isEqualTo("sl-edu");
    ProcessInstance pi = starter.start("sl-zx", phase, 1);
    Task orgTask = task(pi, ReviewProcess.Element.REVIEW_ORGANIZATION);
    assertThat(orgTask).hasCandidateGroup(organizations.leaderGroupOf("sl-zx")).hasCandidateGroup("sl-edu");

    LocalDate due = TODAY.plusDays(29);
    submit(orgTask, "sl-edu.sec", orgReview(due));

    Review review = reviews.get(new ReviewKey("sl-zx", null, phase, 1));
    assertThat(review.getRectificationStatus()).isEqualTo(Review.RectificationStatus.ORDERED);
    assertThat(review.getRectificationDue()).isEqualTo(due);
    assertThat(runtimeService.getVariable(pi.getId(), ReviewProcess.Var.ORG_RECTIFICATION_DUE))
        .isEqualTo(Deadlines.endOfDay(due));
    List<Notice> ordered = notifications.byEventPrefix("rectification-ordered|" + review.getId() + "|");
    assertThat(ordered).extracting(Notice::getUsername).containsExactlyInAnyOrder("sl-zx.sec", "sl-zx.liaison");
    assertThat(ordered.get(0).getSubject()).isEqualTo("整改通知：松陵镇启明初级中学党支部");
    assertThat(ordered.get(0).getBody()).contains("整改期限 2026年3月31日").contains("问题：党员教育管理台账不全。");

    Task rectify = task(pi, ReviewProcess.Element.RECTIFY_ORGANIZATION);
    assertThat(rectify).hasCandidateGroup(organizations.groupOf("sl-zx")).hasCandidateGroup("sl-zx")
        .hasName("组织整改").hasDueDate(Deadlines.endOfDay(due));
    assertThat(taskService.getVariablesLocal(rectify.getId()))
        .containsEntry("problems", "党员教育管理台账不全。")
        .containsEntry("rectificationDueText", "2026年3月31日").doesNotContainKey("returnComment");
    assertThat(job(pi, "Timer_OrgRectificationDue").getDuedate()).isEqualTo(Deadlines.endOfDay(due));

    submit(rectify, "sl-zx.sec", Map.of("rectificationReport", "已补齐党员教育管理台账，建立月度检查制度。"));
    assertThat(reviews.get(review.getKey()).getRectificationStatus()).isEqualTo(Review.RectificationStatus.REPORTED);
    Task verify = task(pi, ReviewProcess.Element.VERIFY_ORG_RECTIFICATION);
    assertThat(verify).hasCandidateGroup(organizations.leaderGroupOf("sl-zx")).hasCandidateGroup("sl-edu");
    assertThat(taskService.getVariableLocal(verify.getId(), "rectificationReport"))
        .isEqualTo("已补齐党员教育管理台账，建立月度检查制度。");
    submit(verify, "sl-edu.liaison", Map.of("decision", "accept", "comment", "整改到位。"));

    review = reviews.get(review.getKey());
    assertThat(review.getRectificationStatus()).isEqualTo(Review.RectificationStatus.ACCEPTED);
    assertThat(review.getRectificationVerifiedBy()).isEqualTo("sl-edu.liaison");
    assertThat(review.getRectificationReportedBy()).isEqualTo("sl-zx.sec");
    assertThat(review.isRectificationOverdue()).isFalse();
    assertThat(pi).hasPassed("Gateway_OrgReviewDone").isWaitingAt(ReviewProcess.Element.REVIEW_MEMBER);
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_OrgRectificationDue").count()).isZero();

    // One member (who logs in) must rectify; the others need not.
    LocalDate memberDue = TODAY.plusDays(14);
    for (Task task : memberReviewTasks(pi)) {
      String memberNo = memberNo(task);
      submit(task, "sl-zx.liaison", memberReview(memberNo.equals("M00056") ? memberDue : null));
    }
    assertThat(runtimeService.getVariable(pi.getId(), ReviewProcess.Var.MEMBER_RECTIFICATION_REQUIRED)).isNull();
    List<Task> memberRectify = tasks(pi, ReviewProcess.Element.RECTIFY_MEMBER);
    assertThat(memberRectify).hasSize(1);
    assertThat(memberRectify.get(0)).isAssignedTo(organizations.usernameOf("M00056")).isAssignedTo("sl-zx.m1")
        .hasName("党员整改").hasDueDate(Deadlines.endOfDay(memberDue));
    assertThat(taskService.getIdentityLinksForTask(memberRectify.get(0).getId()))
        .noneMatch(l -> l.getGroupId() != null);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    Review memberReview = reviews.get(new ReviewKey("sl-zx", "M00056", phase, 1));
    assertThat(notifications.byEventPrefix("rectification-ordered|" + memberReview.getId() + "|"))
        .extracting(Notice::getUsername).containsExactly("sl-zx.m1");

    submit(memberRectify.get(0), null, Map.of("rectificationReport", "已参加两次教学观摩并整理心得。"));
    Task memberVerify = tasks(pi, ReviewProcess.Element.VERIFY_MEMBER_RECTIFICATION).get(0);
    assertThat(memberVerify).hasCandidateGroup(organizations.groupOf("sl-zx")).hasCandidateGroup("sl-zx");
    assertThat(taskService.getVariablesLocal(memberVerify.getId())).containsEntry("memberName", "罗雨欣（英语教师）");
    submit(memberVerify, "sl-zx.sec", Map.of("decision", "accept"));

    assertThat(reviews.get(memberReview.getKey()).getRectificationStatus())
        .isEqualTo(Review.RectificationStatus.ACCEPTED);
    join(pi);
    assertThat(pi).isEnded().hasPassed(ReviewProcess.Element.VERIFY_MEMBER_RECTIFICATION, "EndEvent_ReviewCompleted");
  }

  @Test
  void rectificationsReturnedWithAReasonAreDoneAgainThenAccepted() {
    assertThat(organizations.leaderGroupOf("sh-nk")).isEqualTo("hospital-shengze");
    ProcessInstance pi = starter.start("sh-nk", phase, 1);
    Task orgTask = task(pi, ReviewProcess.Element.REVIEW_ORGANIZATION);
    assertThat(orgTask).hasCandidateGroup(organizations.leaderGroupOf("sh-nk")).hasCandidateGroup("hospital-shengze");
    submit(orgTask, "hospital-shengze.sec", orgReview(TODAY.plusDays(10)));
    ReviewKey key = new ReviewKey("sh-nk", null, phase, 1);

    Task rectify = task(pi, ReviewProcess.Element.RECTIFY_ORGANIZATION);
    assertThat(rectify).hasCandidateGroup("sh-nk");
    submit(rectify, "sh-nk.sec", Map.of("rectificationReport", "已整改。"));
    Task verify = task(pi, ReviewProcess.Element.VERIFY_ORG_RECTIFICATION);
    assertThat(verify).hasCandidateGroup("hospital-shengze");

    assertThat(refusal(() -> submit(verify, "hospital-shengze.sec", Map.of("decision", "return"))))
        .contains("“验收意见”不能为空");
    assertThat(refusal(() -> submit(verify, "hospital-shengze.sec", Map.of())))
        .contains("请选择“验收结果”");
    assertThat(taskService.createTaskQuery().taskId(verify.getId()).count()).isEqualTo(1);
    assertThat(reviews.get(key).getRectificationStatus()).isEqualTo(Review.RectificationStatus.REPORTED);

    submit(verify, "hospital-shengze.sec", Map.of("decision", "return", "comment", "请写明具体措施和完成时间。"));
    assertThat(reviews.get(key).getRectificationStatus()).isEqualTo(Review.RectificationStatus.RETURNED);
    assertThat(pi).hasPassed("Gateway_OrgRectificationAccepted");
    Task again = task(pi, ReviewProcess.Element.RECTIFY_ORGANIZATION);
    assertThat(again.getId()).isNotEqualTo(rectify.getId());
    assertThat(taskService.getVariablesLocal(again.getId()))
        .containsEntry("returnComment", "请写明具体措施和完成时间。").containsEntry("rectificationReport", "已整改。");
    assertThat(refusal(() -> submit(again, "sh-nk.sec", Map.of("rectificationReport", "长".repeat(2001)))))
        .contains("“整改情况报告”过长（2001 字），最多 2000 字");
    assertThat(reviews.get(key).getRectificationReport()).isEqualTo("已整改。");
    submit(again, "sh-nk.sec", Map.of("rectificationReport", "修订科室学习制度，3 月底前完成全员轮训。"));
    submit(task(pi, ReviewProcess.Element.VERIFY_ORG_RECTIFICATION), "hospital-shengze.sec",
        Map.of("decision", "accept"));
    assertThat(reviews.get(key).getRectificationStatus()).isEqualTo(Review.RectificationStatus.ACCEPTED);
    assertThat(reviews.get(key).getRectificationReport()).isEqualTo("修订科室学习制度，3 月底前完成全员轮训。");

    // A member without a login: the organization records the rectification for the member.
    assertThat(organizations.usernameOf("M00140")).isNull();
    for (Task task : memberReviewTasks(pi)) {
      submit(task, "sh-nk.liaison", memberReview(memberNo(task).equals("M00140") ? TODAY.plusDays(7) : null));
    }
    Task memberRectify = tasks(pi, ReviewProcess.Element.RECTIFY_MEMBER).get(0);
    assertThat(memberRectify).isNotAssigned().hasCandidateGroup("sh-nk");
    assertThat(organizations.memberTaskGroups("M00140")).containsExactly("sh-nk");
    Review memberReview = reviews.get(new ReviewKey("sh-nk", "M00140", phase, 1));
    assertThat(notifications.byEventPrefix("rectification-ordered|" + memberReview.getId() + "|"))
        .extracting(Notice::getMemberNo).containsExactlyInAnyOrder("M00140", "M00136", "M00137");

    submit(memberRectify, "sh-nk.liaison", Map.of("rectificationReport", "已学习。"));
    Task memberVerify = tasks(pi, ReviewProcess.Element.VERIFY_MEMBER_RECTIFICATION).get(0);
    assertThat(memberVerify).hasCandidateGroup("sh-nk");
    submit(memberVerify, "sh-nk.sec", Map.of("decision", "return", "comment", "请附上学习记录。"));
    assertThat(reviews.get(memberReview.getKey()).getRectificationStatus())
        .isEqualTo(Review.RectificationStatus.RETURNED);
    Task memberAgain = tasks(pi, ReviewProcess.Element.RECTIFY_MEMBER).get(0);
    assertThat(taskService.getVariableLocal(memberAgain.getId(), "returnComment")).isEqualTo("请附上学习记录。");
    submit(memberAgain, "sh-nk.liaison", Map.of("rectificationReport", "已学习，附学习记录三份。"));
    submit(tasks(pi, ReviewProcess.Element.VERIFY_MEMBER_RECTIFICATION).get(0), "sh-nk.sec",
        Map.of("decision", "accept"));

    assertThat(reviews.get(memberReview.getKey()).getRectificationStatus())
        .isEqualTo(Review.RectificationStatus.ACCEPTED);
    join(pi);
    assertThat(pi).isEnded();
  }

  @ParameterizedTest(name = "{0}: reviewed by {1}, overdue reported to {2}")
  @CsvSource({"edu-syxx, edu-bureau, city-office", "sl-zx, sl-edu, town-songling",
      "sh-nk, hospital-shengze, city-office"})
  void anOrganizationsOverdueRectificationIsReportedAboveTheReviewer(String org, String leader, String above) {
    assertThat(organizations.leaderGroupOf(org)).isEqualTo(leader);
    ProcessInstance pi = starter.start(org, phase, 1);
    Task orgTask = task(pi, ReviewProcess.Element.REVIEW_ORGANIZATION);
    assertThat(orgTask).hasCandidateGroup(leader);
    submit(orgTask, leader + ".sec", orgReview(TODAY));
    Task rectify = task(pi, ReviewProcess.Element.RECTIFY_ORGANIZATION);
    assertThat(rectify).hasCandidateGroup(org).hasDueDate(Deadlines.endOfDay(TODAY));
    ReviewKey key = new ReviewKey(org, null, phase, 1);

    setClock(TODAY.plusDays(1).atTime(0, 0, 30));
    execute(job(pi, "Timer_OrgRectificationDue"));
    execute(job(pi, "ServiceTask_ReportOrgRectificationOverdue"));

    assertThat(pi).hasPassed("EndEvent_OrgRectificationOverdue").isWaitingAt(ReviewProcess.Element.RECTIFY_ORGANIZATION);
    Review review = reviews.get(key);
    assertThat(review.isRectificationOverdue()).isTrue();
    assertThat(taskService.createTaskQuery().taskId(rectify.getId()).singleResult().getPriority())
        .isEqualTo(TaskDeadlineNotices.OVERDUE_PRIORITY);
    List<Notice> reported = notifications.byEventPrefix("rectification-overdue|" + review.getId() + "|");
    String aboveOrg = above.equals("city-office") ? "office" : above;
    assertThat(reported).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder(aboveOrg + ".sec", aboveOrg + ".liaison");
    assertThat(reported.get(0).getSubject())
        .isEqualTo("整改逾期：" + organizations.get(org).getName());
    assertThat(reported.get(0).getBody()).contains("已于 2026年3月2日 到期仍未通过验收");

    // Late is still better than never: the organization reports, the leader accepts.
    submit(rectify, org + ".sec", Map.of("rectificationReport", "已整改。"));
    submit(task(pi, ReviewProcess.Element.VERIFY_ORG_RECTIFICATION), leader + ".sec", Map.of("decision", "accept"));
    assertThat(reviews.get(key).getRectificationStatus()).isEqualTo(Review.RectificationStatus.ACCEPTED);
    assertThat(reviews.get(key).isRectificationOverdue()).isTrue();
    assertThat(pi).hasPassed("Gateway_OrgReviewDone");
  }

  @Test
  void aMembersOverdueRectificationIsReportedToTheOrganizationsLeader() {
    ProcessInstance pi = starter.start("sh-nk", phase, 1);
    for (Task task : memberReviewTasks(pi)) {
      submit(task, "sh-nk.sec", memberReview(memberNo(task).equals("M00138") ? TODAY.plusDays(3) : null));
    }
    Task rectify = tasks(pi, ReviewProcess.Element.RECTIFY_MEMBER).get(0);
    assertThat(rectify).isAssignedTo("sh-nk.m1").hasDueDate(Deadlines.endOfDay(TODAY.plusDays(3)));
    ReviewKey key = new ReviewKey("sh-nk", "M00138", phase, 1);

    setClock(TODAY.plusDays(4).atTime(8, 0));
    execute(job(pi, "Timer_MemberRectificationDue"));
    execute(job(pi, "ServiceTask_ReportMemberRectificationOverdue"));

    assertThat(pi).hasPassed("EndEvent_MemberRectificationOverdue")
        .isWaitingAt(ReviewProcess.Element.RECTIFY_MEMBER, ReviewProcess.Element.REVIEW_ORGANIZATION);
    Review review = reviews.get(key);
    assertThat(review.isRectificationOverdue()).isTrue();
    assertThat(taskService.createTaskQuery().taskId(rectify.getId()).singleResult().getPriority())
        .isEqualTo(TaskDeadlineNotices.OVERDUE_PRIORITY);
    assertThat(task(pi, ReviewProcess.Element.REVIEW_ORGANIZATION).getPriority()).isEqualTo(Task.PRIORITY_NORMAL);
    assertThat(notifications.byEventPrefix("rectification-overdue|" + review.getId() + "|"))
        .extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("hospital-shengze.sec", "hospital-shengze.liaison");
    assertThat(notifications.byEventPrefix("rectification-overdue|" + review.getId() + "|").get(0).getSubject())
        .isEqualTo("整改逾期：江苏盛泽医院内科党支部党员钟志刚");
  }

  @Test
  void overdueReviewsAndVerificationsAreRemindedAndEscalated() {
    ProcessInstance pi = starter.start("sl-zx", phase, 1);
    Task orgTask = task(pi, ReviewProcess.Element.REVIEW_ORGANIZATION);

    Duration reminder = Duration.parse(deadlines.getReminder());
    Duration due = Duration.parse(deadlines.getTask());
    setClock(START.plus(reminder).plusMinutes(1));
    executeDueJobs(pi);
    assertThat(pi).hasPassed("EndEvent_Reminded", "EndEvent_MemberTaskReminded").hasNotPassed("EndEvent_Escalated");
    assertThat(notifications.byEventPrefix("remind|" + orgTask.getId() + "|")).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("sl-edu.sec", "sl-edu.liaison");
    LocalDateTime overdue = START.plus(due).plusMinutes(1);
    setClock(overdue);
    executeDueJobs(pi);
    assertThat(pi).hasPassed("EndEvent_Escalated", "EndEvent_MemberTaskEscalated");
    assertThat(taskService.createTaskQuery().taskId(orgTask.getId()).singleResult().getPriority())
        .isEqualTo(TaskDeadlineNotices.OVERDUE_PRIORITY);
    assertThat(notifications.byEventPrefix("escalate|" + orgTask.getId() + "|")).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("town-songling.sec", "town-songling.liaison");

    submit(orgTask, "sl-edu.sec", orgReview(TODAY.plusDays(60)));
    for (Task task : memberReviewTasks(pi)) {
      submit(task, "sl-zx.sec", memberReview(memberNo(task).equals("M00057") ? TODAY.plusDays(60) : null));
    }
    submit(task(pi, ReviewProcess.Element.RECTIFY_ORGANIZATION), "sl-zx.sec", Map.of("rectificationReport", "已整改。"));
    submit(tasks(pi, ReviewProcess.Element.RECTIFY_MEMBER).get(0), null, Map.of("rectificationReport", "已整改。"));
    Task verifyOrg = task(pi, ReviewProcess.Element.VERIFY_ORG_RECTIFICATION);
    Task verifyMember = tasks(pi, ReviewProcess.Element.VERIFY_MEMBER_RECTIFICATION).get(0);

    setClock(overdue.plus(reminder).plusMinutes(1));
    executeDueJobs(pi);
    assertThat(notifications.byEventPrefix("remind|" + verifyOrg.getId() + "|")).isNotEmpty();
    assertThat(notifications.byEventPrefix("remind|" + verifyMember.getId() + "|")).isNotEmpty();
    setClock(overdue.plus(due).plusMinutes(1));
    executeDueJobs(pi);
    assertThat(notifications.byEventPrefix("escalate|" + verifyMember.getId() + "|")).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("sl-edu.sec", "sl-edu.liaison");
    assertThat(pi).hasPassed("Timer_VerifyOrgReminder", "Timer_VerifyOrgDue", "Timer_VerifyMemberReminder",
        "Timer_VerifyMemberDue");

    submit(verifyOrg, "sl-edu.sec", Map.of("decision", "accept"));
    submit(verifyMember, "sl-zx.sec", Map.of("decision", "accept"));
    join(pi);
    assertThat(pi).isEnded();
  }

  @Test
  void theReviewFormsRefuseBadInputAndSaveNothing() {
    ProcessInstance pi = starter.start("edu-syxx", phase, 1);
    Task orgTask = task(pi, ReviewProcess.Element.REVIEW_ORGANIZATION);
    ReviewKey key = new ReviewKey("edu-syxx", null, phase, 1);

    Map<String, Object> missingRating = orgReview(TODAY.plusDays(5));
    missingRating.remove("ratingLeadership");
    assertThat(refusal(() -> submit(orgTask, "edu-bureau.sec", missingRating))).contains("请选择“领导班子好”");
    Map<String, Object> past = orgReview(TODAY.minusDays(1));
    assertThat(refusal(() -> submit(orgTask, "edu-bureau.sec", past))).contains("“整改期限”不能早于今天");
    Map<String, Object> noDeadline = orgReview(TODAY.plusDays(5));
    noDeadline.remove("rectificationDue");
    assertThat(refusal(() -> submit(orgTask, "edu-bureau.sec", noDeadline))).contains("“整改期限”不能为空");
    Map<String, Object> tooLong = orgReview(null);
    tooLong.put("achievements", "好".repeat(2001));
    assertThat(refusal(() -> submit(orgTask, "edu-bureau.sec", tooLong)))
        .contains("“肯定成绩”过长（2001 字），最多 2000 字");
    Map<String, Object> undecided = orgReview(null);
    undecided.remove("rectificationRequired");
    assertThat(refusal(() -> submit(orgTask, "edu-bureau.sec", undecided))).contains("请选择“是否需要整改”");

    assertThat(taskService.createTaskQuery().taskId(orgTask.getId()).count()).isEqualTo(1);
    assertThat(reviews.find(key)).isEmpty();
    assertThat(runtimeService.getVariable(pi.getId(), ReviewProcess.Var.ORG_RECTIFICATION_REQUIRED)).isNull();
    assertThat(pi).isWaitingAt(ReviewProcess.Element.REVIEW_ORGANIZATION, ReviewProcess.Element.REVIEW_MEMBER);

    Task memberTask = memberTask(pi, ReviewProcess.Element.REVIEW_MEMBER, "M00041");
    ReviewKey memberKey = new ReviewKey("edu-syxx", "M00041", phase, 1);
    Map<String, Object> memberMissing = memberReview(TODAY.plusDays(5));
    memberMissing.remove("ratingIntegrity");
    memberMissing.put("reviewForm", "SURVEY_FORUM");
    assertThat(refusal(() -> submit(memberTask, "edu-syxx.sec", memberMissing)))
        .contains("请选择“带头弘扬正气”").contains("“点评形式”的选项“SURVEY_FORUM”无效");
    Map<String, Object> memberPast = memberReview(TODAY.minusDays(3));
    memberPast.remove("problems");
    memberPast.put("comments", "评".repeat(2001));
    assertThat(refusal(() -> submit(memberTask, "edu-syxx.sec", memberPast)))
        .contains("“整改期限”不能早于今天").contains("“需整改的问题”不能为空").contains("“点评意见”过长");
    assertThat(taskService.createTaskQuery().taskId(memberTask.getId()).count()).isEqualTo(1);
    assertThat(reviews.find(memberKey)).isEmpty();

    // Corrected, the same forms go through.
    submit(orgTask, "edu-bureau.sec", orgReview(null));
    submit(memberTask, "edu-syxx.sec", memberReview(TODAY));
    assertThat(reviews.find(key)).isPresent();
    assertThat(reviews.get(memberKey).getRectificationDue()).isEqualTo(TODAY);
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, Object> orgReview(LocalDate rectificationDue) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewForm", "SURVEY_FORUM");
    values.put("ratingLeadership", "EXCELLENT");
    values.put("ratingMembership", "GOOD");
    values.put("ratingMechanism", "GOOD");
    values.put("ratingPerformance", "FAIR");
    values.put("ratingPublicFeedback", "EXCELLENT");
    values.put("achievements", "党建与业务统筹推进，承诺事项落实有力。");
    values.put("problems", "党员教育管理台账不全。");
    values.put("wayForward", "健全党员教育管理制度。");
    values.put("rectificationRequired", String.valueOf(rectificationDue != null));
    if (rectificationDue != null) {
      values.put("rectificationDue", rectificationDue.toString());
    }
    return values;
  }

  private static Map<String, Object> memberReview(LocalDate rectificationDue) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewForm", "DEMOCRATIC_APPRAISAL");
    values.put("ratingLearning", "EXCELLENT");
    values.put("ratingAchievement", "GOOD");
    values.put("ratingService", "GOOD");
    values.put("ratingLawAbiding", "POOR");
    values.put("ratingIntegrity", "FAIR");
    values.put("comments", "教学成绩突出，服务学生热情。");
    values.put("rectificationRequired", String.valueOf(rectificationDue != null));
    if (rectificationDue != null) {
      values.put("problems", "理论学习不够系统。");
      values.put("rectificationDue", rectificationDue.toString());
    }
    return values;
  }

  /**
   * Runs the jobs in which the members' reviews end and the two branches join, one at a time, as the job
   * executor does: people finishing at the same moment never update the same execution together.
   */
  private void join(ProcessInstance pi) {
    for (String activity : List.of("EndEvent_MemberReviewed", "Gateway_ReviewJoin")) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activity).list();
      assertThat(jobs).as("jobs at " + activity).isNotEmpty();
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  /** Claims an unassigned task as the user, then submits its form as Tasklist does. */
  private void submit(Task task, String user, Map<String, Object> values) {
    Task current = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    if (current.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    formService.submitTaskForm(task.getId(), values);
  }

  /** The message Tasklist shows when a submission is refused; fails where it was accepted. */
  private static String refusal(Runnable submission) {
    try {
      submission.run();
    } catch (ProcessEngineException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidFormException) {
          return e.getMessage();
        }
      }
      throw e;
    }
    return fail("the form was accepted");
  }

  private Task task(ProcessInstance pi, String activityId) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
  }

  private List<Task> tasks(ProcessInstance pi, String activityId) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
  }

  private List<Task> memberReviewTasks(ProcessInstance pi) {
    return tasks(pi, ReviewProcess.Element.REVIEW_MEMBER);
  }

  private Task memberTask(ProcessInstance pi, String activityId, String memberNo) {
    return tasks(pi, activityId).stream().filter(t -> memberNo.equals(memberNo(t))).findFirst().orElseThrow();
  }

  private String memberNo(Task task) {
    return (String) taskService.getVariable(task.getId(), ReviewProcess.Var.MEMBER_NO);
  }

  /** The job of a timer or an asynchronous step. */
  private Job job(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  /** Runs the instance's due timers and the asynchronous steps they lead to. */
  private void executeDueJobs(ProcessInstance pi) {
    for (int i = 0; i < 200; i++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      execute(due.get(0));
    }
    fail("jobs keep coming");
  }

  private static void setClock(LocalDateTime time) {
    ClockUtil.setCurrentTime(at(time));
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(Deadlines.ZONE).toInstant());
  }
}
