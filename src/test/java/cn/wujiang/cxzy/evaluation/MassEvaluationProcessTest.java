package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.commitment.CommitmentItem;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.config.Http;
import cn.wujiang.cxzy.notification.Notice;
import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.process.InvalidFormException;
import cn.wujiang.cxzy.process.TaskDeadlineNotices;
import cn.wujiang.cxzy.review.Criterion;
import cn.wujiang.cxzy.review.Rating;
import cn.wujiang.cxzy.review.ReviewKey;
import cn.wujiang.cxzy.review.ReviewMeans;
import cn.wujiang.cxzy.review.ReviewService;

/**
 * massEvaluation on the demo city, every path: the window closed by hand and by its timer, with and
 * without paper tallies, a grade changed with a reason, results announced publicly and to the leading
 * body only, deadlines reminded and escalated. Tasks are completed as Tasklist does, through their forms.
 */
@DemoCityTest
class MassEvaluationProcessTest {

  /** Monday 2 March 2026, 09:00 in Wujiang. */
  private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);
  private static final int YEAR = 2026;

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired OrganizationService organizations;
  @Autowired NotificationService notifications;
  @Autowired EvaluationStarter starter;
  @Autowired EvaluationService evaluations;
  @Autowired BallotService ballots;
  @Autowired EvaluationProperties properties;
  @Autowired Deadlines deadlines;
  @Autowired ReviewService reviews;
  @Autowired CommitmentService commitments;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private String phase;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    setClock(START);
    phase = "e" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    properties.setAnnounceScope(EvaluationProperties.AnnounceScope.PUBLIC);
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void closedByHandWithoutPaperBallotsThenConfirmedAndAnnouncedToThePublic() {
    assertThat(organizations.leaderGroupOf("edu-syxx")).isEqualTo("edu-bureau");
    ProcessInstance pi = starter.start("edu-syxx", phase, YEAR);
    assertThat(pi.getBusinessKey()).isEqualTo("edu-syxx:" + phase + ":" + YEAR);
    assertThat(pi).isWaitingAt(EvaluationProcess.Element.GENERATE_CODES);
    execute(job(pi, EvaluationProcess.Element.GENERATE_CODES));

    // 7 members × 2 codes is fewer than the minimum of 20.
    EvaluationKey key = new EvaluationKey("edu-syxx", phase, YEAR);
    Evaluation evaluation = evaluations.get(key);
    assertThat(evaluation.getCodesIssued()).isEqualTo(properties.codesFor(7)).isEqualTo(20);
    assertThat(evaluation.getClosesAt()).isEqualTo(at(START).toInstant().plus(properties.getWindow()));
    List<String> codes = evaluations.sheet(evaluation);
    assertThat(codes).hasSize(20).doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}"));
    // Only hashes are kept for good: no stored hash is, or contains, a code.
    List<String> hashes = jdbc.queryForList("select code_hash from eval_code where evaluation_id = ?", String.class,
        evaluation.getId());
    assertThat(hashes).hasSize(20).allMatch(h -> h.matches("[0-9a-f]{64}"))
        .noneMatch(h -> codes.stream().anyMatch(c -> h.toUpperCase().contains(c)));

    Task run = task(pi, EvaluationProcess.Element.RUN_EVALUATION);
    assertThat(run).hasCandidateGroup(organizations.groupOf("edu-syxx")).hasCandidateGroup("edu-syxx")
        .hasName("组织评议").hasDueDate(Date.from(evaluation.getClosesAt()));
    assertThat(taskService.getVariablesLocal(run.getId())).containsEntry("orgName", "吴江市实验小学党支部")
        .containsEntry("yearName", "2026 年度").containsEntry("codesIssued", "20 个")
        .containsEntry("windowClosesText", "2026年3月2日 09:30")
        .containsEntry("sheetUrl", "/api/evaluations/edu-syxx/" + phase + "/2026/codes.html")
        .containsEntry("ballotUrl", "/evaluate");
    assertThat(runtimeService.getVariables(pi.getId()))
        .containsOnlyKeys("orgCode", "phaseId", "year", "windowCloses", "paperBallots");
    List<Notice> opened = notifications.byEventPrefix("evaluation-opened|" + evaluation.getId() + "|");
    assertThat(opened).extracting(Notice::getUsername).containsExactlyInAnyOrder("edu-syxx.sec", "edu-syxx.liaison");
    assertThat(opened.get(0).getSubject()).isEqualTo("吴江市实验小学党支部的群众评议已开始");
    assertThat(opened.get(0).getBody()).contains("已生成评议码 20 个").contains("2026年3月2日 09:30 截止");

    // Ten ballots: nine satisfied with everything, one dissatisfied; M00040-M00042 优秀 on every
    // ballot, M00043 不合格 or 基本合格, M00038 合格, M00039 合格 or 基本合格, M00044 left unrated.
    for (int i = 0; i < 10; i++) {
      Map<String, MemberRating> members = new LinkedHashMap<>();
      members.put("M00038", MemberRating.QUALIFIED);
      members.put("M00039", i < 5 ? MemberRating.QUALIFIED : MemberRating.BASICALLY_QUALIFIED);
      members.put("M00040", MemberRating.EXCELLENT);
      members.put("M00041", MemberRating.EXCELLENT);
      members.put("M00042", MemberRating.EXCELLENT);
      members.put("M00043", i < 4 ? MemberRating.UNQUALIFIED : MemberRating.BASICALLY_QUALIFIED);
      assertThat(ballots.cast(codes.get(i), ballot(i == 0 ? Satisfaction.DISSATISFIED : Satisfaction.SATISFIED, members,
          i == 3 ? "希望多开展家访。" : null))).isEqualTo(BallotService.CodeStatus.VALID);
    }
    assertThat(ballots.cast(codes.get(0), ballot(Satisfaction.SATISFIED, Map.of(), null)))
        .isEqualTo(BallotService.CodeStatus.USED);

    assertThat(refusal(() -> submit(run, "edu-syxx.sec", Map.of()))).contains("请选择“纸质评议票”");
    assertThat(evaluations.get(key).getStatus()).isEqualTo(Evaluation.Status.OPEN);
    setClock(START.plusMinutes(20));
    submit(run, "edu-syxx.sec", Map.of("usePaper", "none"));

    evaluation = evaluations.get(key);
    assertThat(evaluation.getStatus()).isEqualTo(Evaluation.Status.CLOSED);
    assertThat(evaluation.getClosedBy()).isEqualTo("edu-syxx.sec");
    assertThat(evaluation.getClosedAt()).isEqualTo(at(START.plusMinutes(20)).toInstant());
    assertThat(evaluations.sheet(evaluation)).as("the printable sheet is destroyed").isEmpty();
    assertThat(runtimeService.getVariable(pi.getId(), EvaluationProcess.Var.PAPER_BALLOTS)).isEqualTo(false);
    assertThat(ballots.cast(codes.get(15), ballot(Satisfaction.SATISFIED, Map.of(), null)))
        .isEqualTo(BallotService.CodeStatus.CLOSED);
    assertThat(pi).hasPassed("Gateway_WindowClosed", "Gateway_TalliesDone")
        .hasNotPassed(EvaluationProcess.Element.WINDOW_CLOSES, EvaluationProcess.Element.ENTER_PAPER_TALLIES)
        .isWaitingAt(EvaluationProcess.Element.SCORE);
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId(EvaluationProcess.Element.WINDOW_CLOSES).count()).isZero();

    execute(job(pi, EvaluationProcess.Element.SCORE));
    assertThat(pi).hasPassed(EvaluationProcess.Element.GRADE);
    Task confirm = task(pi, EvaluationProcess.Element.CONFIRM_RESULTS);
    assertThat(confirm).hasCandidateGroup(organizations.leaderGroupOf("edu-syxx")).hasCandidateGroup("edu-bureau")
        .hasName("确认评议结果");

    Map<String, EvaluationResult> results = results(key);
    EvaluationResult org = results.get(EvaluationProcess.ORGANIZATION_SUBJECT);
    // 45 satisfied of 50; each criterion (9 × 100 + 0) / 10 = 90; no review and no fulfilment yet
    assertThat(org.getRate()).isEqualByComparingTo("0.9000");
    assertThat(org.getMassScore()).isEqualByComparingTo("90.00");
    assertThat(org.getReviewScore()).isNull();
    assertThat(org.getComposite()).isEqualByComparingTo("90.00");
    assertThat(org.getRated()).isEqualTo(10);
    assertThat(org.getGrade()).isEqualTo(Grade.EXCELLENT);
    assertThat(org.isCommendable()).isTrue();
    // Three members at 100 but 优秀 for at most 7 / 3 = 2: the higher numbers give way.
    assertThat(results.get("M00040").getGrade()).isEqualTo(Grade.EXCELLENT);
    assertThat(results.get("M00041").getGrade()).isEqualTo(Grade.EXCELLENT);
    assertThat(results.get("M00042").getGrade()).isEqualTo(Grade.QUALIFIED);
    assertThat(results.get("M00042").getNote()).isEqualTo(ScoringService.OVER_CAP_NOTE);
    assertThat(results.get("M00042").isCommendable()).isFalse();
    // trust 0 / 10
    assertThat(results.get("M00043").getGrade()).isEqualTo(Grade.UNQUALIFIED);
    assertThat(results.get("M00043").getNote()).isEqualTo("群众信任率低于 50%");
    assertThat(results.get("M00038").getGrade()).isEqualTo(Grade.QUALIFIED);
    // (5 × 80 + 5 × 60) / 10 = 70, trust 50%
    assertThat(results.get("M00039").getComposite()).isEqualByComparingTo("70.00");
    assertThat(results.get("M00039").getGrade()).isEqualTo(Grade.BASICALLY_QUALIFIED);
    // nobody rated M00044 and there is no review: nothing to score
    assertThat(results.get("M00044").getRated()).isZero();
    assertThat(results.get("M00044").getComposite()).isNull();
    assertThat(results.get("M00044").getGrade()).isEqualTo(Grade.QUALIFIED);

    Map<String, Object> shown = taskService.getVariablesLocal(confirm.getId());
    @SuppressWarnings("unchecked")
    List<Map<String, String>> rows = (List<Map<String, String>>) shown.get("results");
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0)).containsEntry("subject", "本组织").containsEntry("rate", "90.0%")
        .containsEntry("composite", "90").containsEntry("grade", "优秀").containsEntry("commendable", "是");
    assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("subject", "付明").containsEntry("proposed", "合格")
        .containsEntry("note", ScoringService.OVER_CAP_NOTE));
    assertThat((String) shown.get("summary")).contains("有效评议票 10 张（电子 10 张，纸质 0 张）")
        .contains("发放评议码 20 个，使用 10 个").contains("由 edu-syxx.sec 结束");
    assertThat(shown.get("opinionsUrl")).isEqualTo("/api/evaluations/edu-syxx/" + phase + "/2026/opinions.html");
    assertThat(shown.get("changes")).isNull();
    // Ballots are never process data: no variable, now or in history, holds what a ballot said.
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(HistoricVariableInstance::getValue).noneMatch(v -> String.valueOf(v).contains("希望多开展家访"));

    submit(confirm, "edu-bureau.sec", Map.of("decision", "confirm"));
    assertThat(evaluations.get(key).getStatus()).isEqualTo(Evaluation.Status.CONFIRMED);
    assertThat(evaluations.get(key).getConfirmedBy()).isEqualTo("edu-bureau.sec");
    assertThat(pi).isWaitingAt(EvaluationProcess.Element.ANNOUNCE);
    execute(job(pi, EvaluationProcess.Element.ANNOUNCE));

    assertThat(pi).isEnded().hasPassed("EndEvent_ResultsAnnounced");
    evaluation = evaluations.get(key);
    assertThat(evaluation.getStatus()).isEqualTo(Evaluation.Status.ANNOUNCED);
    assertThat(evaluation.getAnnounceScope()).isEqualTo(EvaluationProperties.AnnounceScope.PUBLIC);
    List<Notice> announced = notifications.byEventPrefix("evaluation-announced|" + evaluation.getId() + "|");
    assertThat(announced).extracting(Notice::getMemberNo).containsExactlyInAnyOrderElementsOf(organizations.memberNos("edu-syxx"));
    assertThat(announced.get(0).getSubject()).isEqualTo("吴江市实验小学党支部的群众评议结果");
    assertThat(announced.get(0).getBody()).contains("等次 优秀，群众满意率 90.0%，有效评议票 10 张")
        .contains("已在“评议结果”页面向群众公开");
    assertThat(notifications.byEventPrefix("evaluation-circulated|" + evaluation.getId() + "|")).isEmpty();

    String board = new Http(port).get("/board/results").body();
    assertThat(board).contains("吴江市实验小学党支部").contains("90.0%").contains("熊玉兰、毛静").doesNotContain("付明");
  }

  @Test
  void closedByItsTimerWithPaperTalliesAGradeChangedWithAReasonAndAnnouncedToTheLeadingBodyOnly() {
    properties.setAnnounceScope(EvaluationProperties.AnnounceScope.LEADER);
    assertThat(organizations.leaderGroupOf("sl-zx")).isEqualTo("sl-edu");
    // The organizational assessment: a review (85 on every criterion) and a fulfilment rate of 75%.
    Map<Criterion, Rating> good = new EnumMap<>(Criterion.class);
    Criterion.of(false).forEach(c -> good.put(c, Rating.GOOD));
    reviews.record(new ReviewKey("sl-zx", null, phase, 1), new ReviewService.Entry(ReviewMeans.SURVEY_FORUM, good,
        "成绩", "问题", "方向", null, null), "sl-edu.sec");
    commitments.saveDraft("sl-zx", phase, new CommitmentService.Draft("指导", "目标", List.of("家访", "示范课"), "五个好",
        "五带头", List.of()));
    commitments.reportFulfilment("sl-zx", phase,
        Map.of(1, CommitmentItem.Fulfilment.FULFILLED, 2, CommitmentItem.Fulfilment.PARTLY), Map.of(1, "已完成", 2, "过半"));
    commitments.verifyFulfilment("sl-zx", phase, "sl-edu.sec", null);

    ProcessInstance pi = starter.start("sl-zx", phase, YEAR);
    execute(job(pi, EvaluationProcess.Element.GENERATE_CODES));
    EvaluationKey key = new EvaluationKey("sl-zx", phase, YEAR);
    List<String> codes = evaluations.sheet(evaluations.get(key));
    // Six ballots, each criterion: 3 满意, 1 基本满意, 1 不满意, 1 不了解.
    Satisfaction[] each = {Satisfaction.SATISFIED, Satisfaction.SATISFIED, Satisfaction.SATISFIED,
        Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED, Satisfaction.UNKNOWN};
    for (int i = 0; i < 6; i++) {
      assertThat(ballots.cast(codes.get(i), ballot(each[i], Map.of("M00056", MemberRating.EXCELLENT), null)))
          .isEqualTo(BallotService.CodeStatus.VALID);
    }

    Job timer = job(pi, EvaluationProcess.Element.WINDOW_CLOSES);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(evaluations.get(key).getClosesAt()));
    setClock(START.plus(properties.getWindow()).plusMinutes(1));
    assertThat(ballots.cast(codes.get(7), ballot(Satisfaction.SATISFIED, Map.of(), null)))
        .as("the window has run out though its timer has not fired yet").isEqualTo(BallotService.CodeStatus.EXPIRED);
    execute(timer);

    Evaluation evaluation = evaluations.get(key);
    assertThat(evaluation.getStatus()).isEqualTo(Evaluation.Status.CLOSED);
    assertThat(evaluation.getClosedBy()).as("closed by the timer").isNull();
    assertThat(evaluations.sheet(evaluation)).isEmpty();
    assertThat(pi).hasPassed(EvaluationProcess.Element.WINDOW_CLOSES, "Gateway_WindowClosed")
        .isWaitingAt(EvaluationProcess.Element.ENTER_PAPER_TALLIES);
    Task paper = task(pi, EvaluationProcess.Element.ENTER_PAPER_TALLIES);
    assertThat(paper).hasCandidateGroup(organizations.groupOf("sl-zx")).hasCandidateGroup("sl-zx").hasName("录入纸质评议结果");
    Map<String, Object> shown = taskService.getVariablesLocal(paper.getId());
    assertThat(shown).containsEntry("tallyMember_1", "钱伟民（校长）").containsEntry("tallyMember_7", "曾洋（教研组长）")
        .doesNotContainKey("tallyMember_8").containsEntry("tally_m1_EXCELLENT", 0)
        .containsEntry("tally_LEADERSHIP_SATISFIED", 0).containsEntry("paperBallotCount", 0);

    // Four paper ballots: every criterion 2 满意 and 2 基本满意; M00054 优秀 on all four, the others unrated.
    Map<String, Object> tallies = new HashMap<>();
    tallies.put("paperBallotCount", 4L);
    for (Criterion c : Criterion.of(false)) {
      tallies.put("tally_" + c.name() + "_SATISFIED", 2L);
      tallies.put("tally_" + c.name() + "_BASICALLY_SATISFIED", 2);
    }
    tallies.put("tally_m1_EXCELLENT", 4);
    for (int i = 2; i <= 7; i++) {
      tallies.put("tally_m" + i + "_SKIPPED", 4.0);
    }
    Map<String, Object> negative = new HashMap<>(tallies);
    negative.put("tally_MECHANISM_DISSATISFIED", -1);
    negative.put("tally_MECHANISM_SATISFIED", 3);
    assertThat(refusal(() -> submit(paper, "sl-zx.sec", negative))).contains("“工作机制好·不满意”不能为负数");
    Map<String, Object> mismatched = new HashMap<>(tallies);
    mismatched.put("tally_PERFORMANCE_UNKNOWN", 1);
    mismatched.put("tally_m3_SKIPPED", 3);
    mismatched.put("tally_m1_QUALIFIED", 0.5);
    assertThat(refusal(() -> submit(paper, "sl-zx.sec", mismatched)))
        .contains("“工作业绩好”各项票数之和（5）与纸质评议票张数（4）不一致")
        .contains("党员罗雨欣各项票数之和（3）与纸质评议票张数（4）不一致")
        .contains("“钱伟民·合格”应为整数");
    assertThat(evaluations.get(key).getPaperBallots()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from eval_paper_tally where evaluation_id = ?", Integer.class,
        evaluation.getId())).isZero();
    submit(paper, "sl-zx.sec", tallies);
    assertThat(evaluations.get(key).getPaperBallots()).isEqualTo(4);
    assertThat(evaluations.get(key).getPaperRecordedBy()).isEqualTo("sl-zx.sec");

    execute(job(pi, EvaluationProcess.Element.SCORE));
    Map<String, EvaluationResult> results = results(key);
    EvaluationResult org = results.get(EvaluationProcess.ORGANIZATION_SUBJECT);
    assertThat(org.getElectronicBallots()).isEqualTo(6);
    assertThat(org.getPaperBallots()).isEqualTo(4);
    assertThat(org.getRated()).isEqualTo(10);
    // each criterion 5 满意, 3 基本满意, 1 不满意, 1 不了解: (500 + 180) / 9 = 75.56; 40 of 45 satisfied
    assertThat(org.getCriterionScores().get("LEADERSHIP")).isEqualByComparingTo("75.56");
    assertThat(org.getRate()).isEqualByComparingTo("0.8889");
    assertThat(org.getReviewScore()).isEqualByComparingTo("85.00");
    assertThat(org.getFulfilmentRate()).isEqualByComparingTo("0.7500");
    // 0.5 × 75.56 + 0.3 × 85 + 0.2 × 75 = 78.28: below 80, so 合格
    assertThat(org.getComposite()).isEqualByComparingTo("78.28");
    assertThat(org.getProposedGrade()).isEqualTo(Grade.QUALIFIED);
    assertThat(org.isCommendable()).isFalse();
    // M00056 优秀 on six electronic ballots, M00054 on four paper ones
    assertThat(results.get("M00056").getRated()).isEqualTo(6);
    assertThat(results.get("M00054").getRated()).isEqualTo(4);
    assertThat(results.get("M00054").getRatingCounts()).containsEntry("SKIPPED", 6);

    Task confirm = task(pi, EvaluationProcess.Element.CONFIRM_RESULTS);
    assertThat(confirm).hasCandidateGroup("sl-edu");
    assertThat(shownCriteria(confirm).get(0)).containsEntry("criterion", "领导班子好").containsEntry("SATISFIED", "5")
        .containsEntry("UNKNOWN", "1").containsEntry("score", "75.56");
    assertThat(taskService.getVariableLocal(confirm.getId(), "opinionsUrl")).isNull();
    assertThat(refusal(() -> submit(confirm, "sl-edu.sec", Map.of("decision", "change",
        "changeSubject", EvaluationProcess.ORGANIZATION_SUBJECT, "newGrade", "GOOD"))))
        .contains("“调整理由”不能为空");
    assertThat(refusal(() -> submit(confirm, "sl-edu.sec", Map.of("decision", "change",
        "changeSubject", EvaluationProcess.ORGANIZATION_SUBJECT, "newGrade", "BASICALLY_QUALIFIED", "changeReason", "理由"))))
        .contains("党组织的等次只能是优秀、良好、合格、不合格");
    assertThat(refusal(() -> submit(confirm, "sl-edu.sec", Map.of("decision", "change",
        "changeSubject", "M00056", "newGrade", "EXCELLENT", "changeReason", "理由"))))
        .contains("调整后的等次与当前等次相同");
    assertThat(refusal(() -> submit(confirm, "sl-edu.sec", Map.of("decision", "change",
        "changeSubject", "M00001", "newGrade", "GOOD", "changeReason", "理由"))))
        .contains("“调整对象”的选项“M00001”无效");
    assertThat(evaluations.changes(evaluations.get(key))).isEmpty();

    setClock(START.plus(properties.getWindow()).plusMinutes(5));
    submit(confirm, "sl-edu.sec", Map.of("decision", "change", "changeSubject", EvaluationProcess.ORGANIZATION_SUBJECT,
        "newGrade", "GOOD", "changeReason", "承诺兑现扎实，群众评价稳定，经党总支会议研究调整为良好。"));
    assertThat(pi).isWaitingAt(EvaluationProcess.Element.CONFIRM_RESULTS);
    List<GradeChange> changes = evaluations.changes(evaluations.get(key));
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).getFromGrade()).isEqualTo(Grade.QUALIFIED);
    assertThat(changes.get(0).getToGrade()).isEqualTo(Grade.GOOD);
    assertThat(changes.get(0).getChangedBy()).isEqualTo("sl-edu.sec");
    assertThat(changes.get(0).getChangedAt()).isEqualTo(at(START.plus(properties.getWindow()).plusMinutes(5)).toInstant());
    assertThat(changes.get(0).getReason()).startsWith("承诺兑现扎实");
    org = results(key).get(EvaluationProcess.ORGANIZATION_SUBJECT);
    assertThat(org.getGrade()).isEqualTo(Grade.GOOD);
    assertThat(org.getProposedGrade()).isEqualTo(Grade.QUALIFIED);
    assertThat(org.isCommendable()).as("a change never grants what the rules withheld").isFalse();

    Task again = task(pi, EvaluationProcess.Element.CONFIRM_RESULTS);
    assertThat(again.getId()).isNotEqualTo(confirm.getId());
    assertThat((String) taskService.getVariableLocal(again.getId(), "changes"))
        .contains("sl-edu.sec 将本组织由合格调整为良好，理由：承诺兑现扎实");
    assertThat(shownResults(again).get(0)).containsEntry("grade", "良好").containsEntry("proposed", "合格");
    submit(again, "sl-edu.liaison", Map.of("decision", "confirm"));
    execute(job(pi, EvaluationProcess.Element.ANNOUNCE));

    assertThat(pi).isEnded().hasPassed("EndEvent_ResultsAnnounced");
    evaluation = evaluations.get(key);
    assertThat(evaluation.getAnnounceScope()).isEqualTo(EvaluationProperties.AnnounceScope.LEADER);
    assertThat(evaluation.getConfirmedBy()).isEqualTo("sl-edu.liaison");
    // The other organizations under 松陵镇党委, and the committee itself; not the public board.
    List<Notice> circulated = notifications.byEventPrefix("evaluation-circulated|" + evaluation.getId() + "|");
    assertThat(circulated).extracting(Notice::getUsername).containsExactlyInAnyOrder("sl-xx.sec", "sl-xx.liaison",
        "town-songling.sec", "town-songling.liaison");
    assertThat(circulated.get(0).getBody()).contains("松陵镇启明初级中学党支部2026年度群众评议结果在中共松陵镇委员会范围内通报")
        .contains("等次 良好，群众满意率 88.9%，有效评议票 10 张");
    assertThat(notifications.byEventPrefix("evaluation-announced|" + evaluation.getId() + "|"))
        .extracting(Notice::getMemberNo).containsExactlyInAnyOrderElementsOf(organizations.memberNos("sl-zx"));
    assertThat(evaluations.announcedPublic()).noneMatch(a -> a.evaluation().getPhaseId().equals(phase));
    assertThat(new Http(port).get("/board/results").body()).doesNotContain(phase);
  }

  @Test
  void paperTalliesAndConfirmationsThatFallDueAreRemindedAndEscalated() {
    ProcessInstance pi = starter.start("tl-zx", phase, YEAR);
    execute(job(pi, EvaluationProcess.Element.GENERATE_CODES));
    EvaluationKey key = new EvaluationKey("tl-zx", phase, YEAR);
    setClock(START.plusMinutes(5));
    submit(task(pi, EvaluationProcess.Element.RUN_EVALUATION), "tl-zx.liaison", Map.of("usePaper", "paper"));
    assertThat(pi).hasNotPassed(EvaluationProcess.Element.WINDOW_CLOSES).isWaitingAt(EvaluationProcess.Element.ENTER_PAPER_TALLIES);
    Task paper = task(pi, EvaluationProcess.Element.ENTER_PAPER_TALLIES);
    assertThat(paper).hasDueDate(at(START.plusMinutes(5).plus(Duration.parse(deadlines.getTask()))));

    LocalDateTime created = START.plusMinutes(5);
    setClock(created.plus(Duration.parse(deadlines.getReminder())).plusMinutes(1));
    executeDueJobs(pi);
    assertThat(notifications.byEventPrefix("remind|" + paper.getId() + "|")).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("tl-zx.sec", "tl-zx.liaison");
    setClock(created.plus(Duration.parse(deadlines.getTask())).plusMinutes(1));
    executeDueJobs(pi);
    assertThat(notifications.byEventPrefix("escalate|" + paper.getId() + "|")).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("town-tongli.sec", "town-tongli.liaison");
    assertThat(taskService.createTaskQuery().taskId(paper.getId()).singleResult().getPriority())
        .isEqualTo(TaskDeadlineNotices.OVERDUE_PRIORITY);
    assertThat(pi).hasPassed("Timer_PaperReminder", "Timer_PaperDue", "EndEvent_Reminded", "EndEvent_Escalated")
        .isWaitingAt(EvaluationProcess.Element.ENTER_PAPER_TALLIES);

    // No ballot at all, on paper or on a phone.
    submit(paper, "tl-zx.sec", Map.of("paperBallotCount", 0));
    LocalDateTime scored = created.plus(Duration.parse(deadlines.getTask())).plusMinutes(2);
    setClock(scored);
    execute(job(pi, EvaluationProcess.Element.SCORE));
    Map<String, EvaluationResult> results = results(key);
    assertThat(results.get(EvaluationProcess.ORGANIZATION_SUBJECT).getRated()).isZero();
    assertThat(results.get(EvaluationProcess.ORGANIZATION_SUBJECT).getRate()).isNull();
    assertThat(results.values()).allSatisfy(r -> assertThat(r.getGrade()).isEqualTo(Grade.QUALIFIED));

    Task confirm = task(pi, EvaluationProcess.Element.CONFIRM_RESULTS);
    assertThat(confirm).hasCandidateGroup("town-tongli");
    setClock(scored.plus(Duration.parse(deadlines.getReminder())).plusMinutes(1));
    executeDueJobs(pi);
    assertThat(notifications.byEventPrefix("remind|" + confirm.getId() + "|")).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("town-tongli.sec", "town-tongli.liaison");
    setClock(scored.plus(Duration.parse(deadlines.getTask())).plusMinutes(1));
    executeDueJobs(pi);
    assertThat(notifications.byEventPrefix("escalate|" + confirm.getId() + "|")).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("office.sec", "office.liaison");
    assertThat(pi).hasPassed("Timer_ConfirmReminder", "Timer_ConfirmDue");

    submit(confirm, "town-tongli.sec", Map.of("decision", "confirm"));
    execute(job(pi, EvaluationProcess.Element.ANNOUNCE));
    assertThat(pi).isEnded();
    assertThat(evaluations.get(key).getStatus()).isEqualTo(Evaluation.Status.ANNOUNCED);
  }

  @Test
  void aCancelledEvaluationClosesItsWindowAndDestroysItsSheet() {
    ProcessInstance pi = starter.start("wj-xx", phase, YEAR);
    execute(job(pi, EvaluationProcess.Element.GENERATE_CODES));
    EvaluationKey key = new EvaluationKey("wj-xx", phase, YEAR);
    List<String> codes = evaluations.sheet(evaluations.get(key));
    assertThat(codes).isNotEmpty();

    runtimeService.deleteProcessInstance(pi.getId(), "时段已取消");

    Evaluation evaluation = evaluations.get(key);
    assertThat(evaluation.getStatus()).isEqualTo(Evaluation.Status.CLOSED);
    assertThat(evaluation.getClosedBy()).isNull();
    assertThat(evaluations.sheet(evaluation)).isEmpty();
    assertThat(ballots.cast(codes.get(0), ballot(Satisfaction.SATISFIED, Map.of(), null)))
        .isEqualTo(BallotService.CodeStatus.CLOSED);
  }

  @Test
  void theStarterRefusesASecondEvaluationOfTheYearAndBodiesThatAreNotGrassroots() {
    ProcessInstance pi = starter.start("hb-cdc", phase, YEAR);
    assertThatThrownBy(() -> starter.start("hb-cdc", phase, YEAR)).isInstanceOf(IllegalStateException.class);
    execute(job(pi, EvaluationProcess.Element.GENERATE_CODES));
    assertThatThrownBy(() -> starter.start("hb-cdc", phase, YEAR)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> starter.start("town-tongli", phase, YEAR)).isInstanceOf(IllegalArgumentException.class);
    assertThat(starter.startForAll(phase, YEAR)).doesNotContain("hb-cdc", "town-tongli").contains("tl-zx", "sh-nk")
        .hasSize((int) organizations.all().stream().filter(o -> o.isGrassroots()).count() - 1);
    runtimeService.createProcessInstanceQuery().processDefinitionKey(EvaluationProcess.KEY).list().stream()
        .filter(p -> p.getBusinessKey().contains(":" + phase + ":"))
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test"));
  }

  // ---------------------------------------------------------------------------------------------

  static BallotService.Submission ballot(Satisfaction satisfaction, Map<String, MemberRating> members, String opinion) {
    Map<Criterion, Satisfaction> criteria = new EnumMap<>(Criterion.class);
    Criterion.of(false).forEach(c -> criteria.put(c, satisfaction));
    return new BallotService.Submission(criteria, members, opinion);
  }

  private Map<String, EvaluationResult> results(EvaluationKey key) {
    Map<String, EvaluationResult> bySubject = new HashMap<>();
    evaluations.results(evaluations.get(key)).forEach(r -> bySubject.put(
        r.isMember() ? r.getMemberNo() : EvaluationProcess.ORGANIZATION_SUBJECT, r));
    return bySubject;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, String>> shownResults(Task task) {
    return (List<Map<String, String>>) taskService.getVariableLocal(task.getId(), "results");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, String>> shownCriteria(Task task) {
    return (List<Map<String, String>>) taskService.getVariableLocal(task.getId(), "criteria");
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
