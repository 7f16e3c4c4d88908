package cn.wujiang.cxzy.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.campaign.TestPhases;
import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.commitment.CommitmentItem;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.config.Http;
import cn.wujiang.cxzy.evaluation.EvaluationKey;
import cn.wujiang.cxzy.evaluation.EvaluationService;
import cn.wujiang.cxzy.evaluation.MemberRating;
import cn.wujiang.cxzy.evaluation.Satisfaction;
import cn.wujiang.cxzy.evaluation.ScoringService;
import cn.wujiang.cxzy.evaluation.Tally;
import cn.wujiang.cxzy.notification.Notice;
import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.InvalidFormException;
import cn.wujiang.cxzy.process.TaskDeadlineNotices;
import cn.wujiang.cxzy.review.Criterion;
import cn.wujiang.cxzy.review.Rating;
import cn.wujiang.cxzy.review.ReviewKey;
import cn.wujiang.cxzy.review.ReviewMeans;
import cn.wujiang.cxzy.review.ReviewService;

/**
 * commendation, every path, on the demo city: each test prepares confirmed evaluation results for a
 * phase of its own, then completes the tasks as Tasklist does (claim, submit the form).
 */
@DemoCityTest
class CommendationProcessTest {

  static final String M_SYXX_1 = "M00040";
  static final String M_SYXX_2 = "M00041";
  static final String M_TLZX = "M00070";
  static final String M_SLZX = "M00056";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired CommendationStarter starter;
  @Autowired CommendationService commendations;
  @Autowired EvaluationService evaluations;
  @Autowired ScoringService scoring;
  @Autowired OrganizationService organizations;
  @Autowired NotificationService notifications;
  @Autowired ReviewService reviews;
  @Autowired CommitmentService commitments;
  @LocalServerPort int port;

  @Autowired
  JdbcTemplate jdbc;

  String phase;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    identityService.clearAuthentication();
    phase = "c" + UUID.randomUUID().toString().substring(0, 8);
    TestPhases.record(jdbc, phase);
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(CommendationProcess.KEY)
        .processInstanceBusinessKeyLike("%:" + phase).list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void theEducationBureauCommendsItsOwnSchoolAndTwoTeachersWithTheCityOfficesApprovalAlone() throws IOException {
    // 实验小学: the school 100, 熊玉兰 100, 毛静 90; 明德高中 92 (second); 特殊教育学校 not evaluated.
    evaluated("edu-syxx", 10, Map.of(M_SYXX_1, 10, M_SYXX_2, 5));
    evaluated("edu-wjsz", 8, Map.of());
    ProcessInstance pi = starter.start("edu-bureau", phase);
    assertThat(pi).hasBusinessKey("edu-bureau:" + phase);

    CommendationRound round = commendations.getRound("edu-bureau", phase);
    assertThat(commendations.candidates(round)).extracting(Candidate::getSubject, Candidate::getRank)
        .containsExactly(org.assertj.core.api.Assertions.tuple("edu-syxx", 1),
            org.assertj.core.api.Assertions.tuple("edu-wjsz", 2),
            org.assertj.core.api.Assertions.tuple(M_SYXX_1, 1), org.assertj.core.api.Assertions.tuple(M_SYXX_2, 2));
    // 3 organizations × 0.2 = 0.6 → 1; 21 members × 0.1 = 2.1 → 2; × 0.05 = 1.05 → 1; no health members → 0.
    Map<Title, Quota> quotas = commendations.quotas(round);
    assertThat(quotas.get(Title.ADVANCED_ORGANIZATION).getQuota()).isEqualTo(1);
    // 3 in the demo city (other tests may have imported more schools under the bureau)
    assertThat(quotas.get(Title.ADVANCED_ORGANIZATION).getBase())
        .isEqualTo(organizations.scope("edu-bureau").size()).isGreaterThanOrEqualTo(3);
    assertThat(quotas.get(Title.OUTSTANDING_MEMBER).getQuota()).isEqualTo(2);
    assertThat(quotas.get(Title.OUTSTANDING_MEMBER).getBase()).isEqualTo(organizations.scope("edu-bureau").stream()
        .mapToInt(o -> organizations.members(o.getCode()).size()).sum()).isGreaterThanOrEqualTo(21);
    assertThat(quotas.get(Title.TEACHER_ETHICS_MODEL).getQuota()).isEqualTo(1);
    assertThat(quotas.get(Title.MEDICAL_ETHICS_MODEL).getQuota()).isZero();
    // Only ids and decisions on the process.
    assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("committeeCode", "phaseId", "phaseName",
        "orgCode", "hasCandidates", "nominatingOrgs");

    Task nominate = task(pi, CommendationProcess.Element.NOMINATE_MEMBERS);
    assertThat(nominate).hasCandidateGroup("edu-syxx");
    assertThat(text(nominate, "orgName")).isEqualTo("吴江市实验小学党支部");
    // Read in the transaction that ranked: the quotas it wrote are there.
    assertThat(text(nominate, "quotaText")).isEqualTo("优秀共产党员 2 名；党员师德标兵 1 名；爱生模范 1 名；十佳感动人物 1 名");
    assertThat(rows(nominate, "candidates")).extracting(r -> r.get("rank") + " " + r.get("name") + " " + r.get("composite"))
        .containsExactly("1 熊玉兰（语文教师） 100.00", "2 毛静（音乐教师） 90.00");
    claim(nominate, "edu-syxx.sec");
    // Only eligible members, and nobody twice for the same title.
    assertRefused(nominate, Map.of("decision", "nominate", "nominee_1", "M00042", "title_1", "OUTSTANDING_MEMBER",
        "deeds_1", "爱岗敬业"), "付明不符合评选条件");
    assertRefused(nominate, nominations(M_SYXX_1, "OUTSTANDING_MEMBER", M_SYXX_1, "OUTSTANDING_MEMBER"),
        "熊玉兰被重复推荐为“优秀共产党员”");
    assertRefused(nominate, Map.of("decision", "nominate", "nominee_1", M_SYXX_1, "title_1", "MEDICAL_ETHICS_MODEL",
        "deeds_1", "爱岗敬业"), "“第 1 名推荐对象申报的称号”的选项“MEDICAL_ETHICS_MODEL”无效");
    assertRefused(nominate, Map.of("decision", "nominate", "nominee_1", M_SYXX_1, "title_1", "OUTSTANDING_MEMBER"),
        "“第 1 名推荐对象的主要事迹”不能为空");
    assertRefused(nominate, Map.of("decision", "nominate", "nominee_1", M_SYXX_1, "title_1", "OUTSTANDING_MEMBER",
        "deeds_1", "长".repeat(1001)), "“第 1 名推荐对象的主要事迹”过长（1001 字），最多 1000 字");
    assertThat(commendations.nominations(round)).isEmpty();
    formService.submitTaskForm(nominate.getId(), nominations(M_SYXX_1, "OUTSTANDING_MEMBER", M_SYXX_2, "OUTSTANDING_MEMBER"));
    // The table's unique constraint stands behind the check: nobody is proposed for a title twice in a phase.
    assertThat(commendations.checkProposals(round, "edu-syxx",
        List.of(new CommendationService.Proposal(M_SYXX_1, Title.OUTSTANDING_MEMBER, "再推荐一次"))))
        .containsExactly("熊玉兰在本时段已被推荐为“优秀共产党员”，同一称号在一个时段内只能推荐、授予一次");

    Task select = task(pi, CommendationProcess.Element.SELECT_NOMINATIONS);
    assertThat(select).hasCandidateGroup("edu-bureau");
    assertThat(text(select, "quotaText")).isEqualTo(
        "先进基层党组织 1 个（符合条件 2）；优秀共产党员 2 名（符合条件 2）；党员师德标兵 1 名（符合条件 2）；爱生模范 1 名（符合条件 2）；十佳感动人物 1 名（符合条件 2）");
    assertThat(rows(select, "orgRanking")).extracting(r -> r.get("name") + " " + r.get("quota"))
        .containsExactly("吴江市实验小学党支部 是", "吴江市明德高级中学党总支 否");
    assertThat(rows(select, "nominations")).extracting(r -> r.get("name") + " " + r.get("rank") + " " + r.get("by"))
        .containsExactly("熊玉兰（语文教师） 第 1 名（名额 2，名额内） 潘静（edu-syxx.sec）",
            "毛静（音乐教师） 第 2 名（名额 2，名额内） 潘静（edu-syxx.sec）");
    claim(select, "edu-bureau.sec");
    formService.submitTaskForm(select.getId(), Map.of("selectedOrgs", List.of("edu-syxx"),
        "selectedNominations", List.of(String.valueOf(nominationOf(round, M_SYXX_1).getId()))));
    assertThat(nominationOf(round, M_SYXX_2).getStatus()).isEqualTo(Nomination.Status.NOT_SELECTED);
    assertThat(commendations.decisions(nominationOf(round, M_SYXX_2).getId()))
        .extracting(d -> d.getStage(), d -> d.getOutcome(), d -> d.getDecidedBy())
        .contains(org.assertj.core.api.Assertions.tuple(NominationDecision.Stage.SELECT,
            NominationDecision.Outcome.NOT_SELECTED, "edu-bureau.sec"));

    // The education bureau is its schools' system guide as well: no 会签, straight to the city office.
    List<Task> approvals = tasks(pi, CommendationProcess.Element.APPROVE);
    assertThat(approvals).hasSize(2);
    assertThat(tasks(pi, CommendationProcess.Element.CO_APPROVE)).isEmpty();
    Task school = taskFor(approvals, nominationOf(round, "edu-syxx"));
    assertThat(school).hasCandidateGroup("city-office");
    assertThat(text(school, "nominee")).isEqualTo("吴江市实验小学党支部");
    assertThat(text(school, "titleName")).isEqualTo("先进基层党组织");
    assertThat(text(school, "scores")).isEqualTo("综合得分 100.00；“先进基层党组织”候选第 1 名，名额 1，在名额内");
    assertThat(text(school, "evaluationSummary")).startsWith("2026 年度群众评议（已确认）：有效评议票 10 张，群众满意率 100.0%");
    assertThat(text(school, "deeds")).isEqualTo("本时段未登记公开承诺事项，推荐依据为组织考核和群众评议结果。");
    assertThat(text(school, "flags")).isEqualTo("");
    assertThat(rows(school, "approvals")).extracting(r -> r.get("stage") + " " + r.get("body") + " " + r.get("by")
        + " " + r.get("outcome")).containsExactly("评选 中共吴江市教育局委员会 汪磊（edu-bureau.sec） 入选推荐");
    Task teacher = taskFor(approvals, nominationOf(round, M_SYXX_1));
    assertThat(rows(teacher, "approvals")).extracting(r -> r.get("stage") + " " + r.get("by"))
        .containsExactly("推荐优秀党员 潘静（edu-syxx.sec）", "评选 汪磊（edu-bureau.sec）");
    for (Task t : approvals) {
      submit(t, "office.sec", Map.of("decision", "approve"));
    }
    executeJob(pi, CommendationProcess.Element.COMMEND);

    assertThat(pi).isEnded().hasPassed("EndEvent_NominationApproved", "EndEvent_Commended")
        .hasNotPassed(CommendationProcess.Element.CO_APPROVE);
    assertThat(commendations.awarded(phase)).extracting(t -> t.getSubject() + " " + t.getTitle())
        .containsExactlyInAnyOrder("edu-syxx ADVANCED_ORGANIZATION", M_SYXX_1 + " OUTSTANDING_MEMBER");
    assertThat(commendations.getRound("edu-bureau", phase).getStatus()).isEqualTo(CommendationRound.Status.COMMENDED);
    List<Notice> toTeacher = notifications.byEventPrefix("commended|" + nominationOf(round, M_SYXX_1).getId());
    assertThat(toTeacher).extracting(Notice::getUsername).contains("edu-syxx.m1", "edu-syxx.sec");
    assertThat(toTeacher.get(0).getSubject()).isEqualTo("表彰通知：熊玉兰获“优秀共产党员”称号");
    List<Notice> announced = notifications.byEventPrefix("commendation-announced|edu-bureau|" + phase);
    assertThat(announced).extracting(Notice::getUsername).contains("edu-bureau.sec");
    assertThat(announced.get(0).getBody()).contains("授予称号 2 项");

    HttpResponse<String> board = new Http(port).get("/board/commendations");
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.body()).contains("表彰公示", "熊玉兰", "吴江市实验小学党支部", "先进基层党组织",
        "href=\"/board/commendations\"");

    List<List<String>> list = sheet(export("/api/commendations/" + phase + ".xlsx", "office.sec"), "表彰名单");
    assertThat(list.get(0)).containsExactlyElementsOf(CommendationExport.TITLE_HEADERS);
    assertThat(list.subList(1, list.size())).extracting(r -> r.get(1) + " " + r.get(3))
        .containsExactlyInAnyOrder("先进基层党组织 吴江市实验小学党支部", "优秀共产党员 熊玉兰");
  }

  @Test
  void aTownSchoolNeedsTheEducationBureauToo_whichApprovesOneAndRejectsTheOther() throws IOException {
    evaluated("tl-zx", 10, Map.of(M_TLZX, 10));
    // After the results: a rectification still open for the teacher, a commitment item not honoured by the school.
    reviews.record(new ReviewKey("tl-zx", M_TLZX, phase, 1), new ReviewService.Entry(ReviewMeans.ORGANIZATION_LIFE,
        Map.of(Criterion.LEARNING, Rating.GOOD), "成绩", "家访记录不全", "补齐", null,
        LocalDate.now().plusDays(20)), "tl-zx.sec");
    commitments.saveDraft("tl-zx", phase, new CommitmentService.Draft("指导意见", "目标", List.of("结对帮扶学困生",
        "家访全覆盖"), "五个好", "五带头", List.of()));
    commitments.reportFulfilment("tl-zx", phase, Map.of(1, CommitmentItem.Fulfilment.FULFILLED,
        2, CommitmentItem.Fulfilment.UNFULFILLED), Map.of(1, "已完成", 2, "未完成"));

    ProcessInstance pi = starter.start("town-tongli", phase);
    CommendationRound round = commendations.getRound("town-tongli", phase);
    Task nominate = task(pi, CommendationProcess.Element.NOMINATE_MEMBERS);
    assertThat(rows(nominate, "candidates").get(0).get("flags")).startsWith("有未完成的整改：第 1 次领导点评要求整改");
    assertThat(text(nominate, "flags")).startsWith("梁子涵：有未完成的整改");
    submit(nominate, "tl-zx.sec", Map.of("decision", "nominate", "nominee_1", M_TLZX, "title_1", "TEACHER_ETHICS_MODEL",
        "deeds_1", "二十年扎根乡村课堂"));
    Task select = task(pi, CommendationProcess.Element.SELECT_NOMINATIONS);
    assertThat(select).hasCandidateGroup("town-tongli");
    assertThat(rows(select, "orgRanking").get(0).get("flags"))
        .isEqualTo("承诺未全部兑现（兑现率 50%）：2. 家访全覆盖（未兑现）");
    assertThat(text(select, "flags").split("\n")).satisfiesExactly(
        line -> assertThat(line).isEqualTo("同里镇古镇初级中学党支部：承诺未全部兑现（兑现率 50%）：2. 家访全覆盖（未兑现）"),
        line -> assertThat(line).startsWith("梁子涵（同里镇古镇初级中学党支部）：有未完成的整改"));
    submit(select, "town-tongli.sec", Map.of("selectedOrgs", List.of("tl-zx"),
        "selectedNominations", List.of(String.valueOf(nominationOf(round, M_TLZX).getId()))));
    assertThat(nominationOf(round, "tl-zx").getDeeds())
        .isEqualTo("本时段公开承诺事项 2 项，已兑现 1 项：\n1. 结对帮扶学困生（已兑现）\n2. 家访全覆盖（未兑现）");

    List<Task> coApprovals = tasks(pi, CommendationProcess.Element.CO_APPROVE);
    assertThat(coApprovals).hasSize(2);
    Task coSchool = taskFor(coApprovals, nominationOf(round, "tl-zx"));
    Task coTeacher = taskFor(coApprovals, nominationOf(round, M_TLZX));
    assertThat(coSchool).hasCandidateGroup("edu-bureau");
    assertThat(text(coSchool, "flags")).isEqualTo("承诺未全部兑现（兑现率 50%）：2. 家访全覆盖（未兑现）");
    assertThat(text(coTeacher, "flags")).startsWith("有未完成的整改：第 1 次领导点评要求整改，期限 ")
        .contains("家访记录不全");

    // The town committee cannot decide for the education bureau.
    identityService.setAuthentication("town-tongli.sec", List.of("town-tongli"));
    assertThatThrownBy(() -> taskService.complete(coSchool.getId())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> formService.submitTaskForm(coSchool.getId(), Map.of("decision", "approve")))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(tasks(pi, CommendationProcess.Element.CO_APPROVE)).hasSize(2);

    submit(coSchool, "edu-bureau.sec", Map.of("decision", "approve"));
    claim(coTeacher, "edu-bureau.sec");
    assertRefused(coTeacher, Map.of("decision", "reject"), "“会签意见说明”不能为空");
    formService.submitTaskForm(coTeacher.getId(), Map.of("decision", "reject", "comment", "整改尚未完成，暂缓推荐"));
    executeJob(pi, CommendationProcess.Element.NOTIFY_JOINT_REJECTION);
    Nomination teacher = nominationOf(round, M_TLZX);
    assertThat(teacher.getStatus()).isEqualTo(Nomination.Status.JOINT_REJECTED);
    List<Notice> rejected = notifications.byEventPrefix("joint-rejected|" + teacher.getId());
    assertThat(rejected).extracting(Notice::getUsername).contains("town-tongli.sec");
    assertThat(rejected.get(0).getSubject()).isEqualTo("会签未通过：梁子涵（党员师德标兵）");
    assertThat(rejected.get(0).getBody()).contains("未获中共吴江市教育局委员会会签同意，理由：整改尚未完成，暂缓推荐");

    Task approve = task(pi, CommendationProcess.Element.APPROVE);
    assertThat(rows(approve, "approvals")).extracting(r -> r.get("stage") + " " + r.get("body") + " " + r.get("by")
        + " " + r.get("outcome")).containsExactly("评选 中共同里镇委员会 曾敏（town-tongli.sec） 入选推荐",
            "会签 中共吴江市教育局委员会 汪磊（edu-bureau.sec） 同意");
    assertThat(text(approve, "flags")).isEqualTo("承诺未全部兑现（兑现率 50%）：2. 家访全覆盖（未兑现）");
    submit(approve, "office.sec", Map.of("decision", "approve"));
    executeJob(pi, CommendationProcess.Element.COMMEND);
    assertThat(pi).isEnded().hasPassed("EndEvent_JointRejected", "EndEvent_NominationApproved", "EndEvent_Commended");
    assertThat(commendations.awarded(phase)).extracting(AwardedTitle::getSubject).containsExactly("tl-zx");
    // The co-approving bureau hears of the result with the committee.
    assertThat(notifications.byEventPrefix("commendation-announced|town-tongli|" + phase))
        .extracting(Notice::getUsername).contains("town-tongli.sec", "edu-bureau.sec");

    // The committee's export: both nominations, every decision with who, when and why.
    byte[] own = export("/api/commendations/" + phase + "/nominations.xlsx", "town-tongli.sec");
    List<List<String>> nominations = sheet(own, "推荐名单");
    assertThat(nominations.get(0)).containsExactlyElementsOf(CommendationExport.NOMINATION_HEADERS);
    assertThat(nominations.subList(1, nominations.size())).extracting(r -> r.get(5) + " " + r.get(16))
        .containsExactlyInAnyOrder("同里镇古镇初级中学党支部 已表彰", "梁子涵 会签未通过");
    List<List<String>> decisions = sheet(own, "审批记录");
    assertThat(decisions.get(0)).containsExactlyElementsOf(CommendationExport.DECISION_HEADERS);
    assertThat(decisions).anySatisfy(r -> assertThat(r).containsSequence("会签", "1", "中共吴江市教育局委员会",
        "edu-bureau.sec", "汪磊").contains("不同意", "整改尚未完成，暂缓推荐"));
    // Another town sees none of Tongli's nominations; a school's secretary may not export at all.
    assertThat(sheet(export("/api/commendations/" + phase + "/nominations.xlsx", "town-songling.sec"), "推荐名单"))
        .hasSize(1);
    assertThat(sheet(export("/api/commendations/" + phase + ".xlsx", "town-songling.sec"), "表彰名单")).hasSize(1);
    // The education bureau guides every school: it sees them.
    assertThat(sheet(export("/api/commendations/" + phase + "/nominations.xlsx", "edu-bureau.sec"), "推荐名单"))
        .hasSize(3);
    HttpResponse<String> school = new Http(port).get("/api/commendations/" + phase + "/nominations.xlsx", "tl-zx.sec", "demo");
    assertThat(school.statusCode()).isEqualTo(403);
    assertThat(Http.json(school).get("message").asText()).isEqualTo("只有上级党组织和市委创先争优活动领导小组办公室可以导出评选表彰名单");
    assertThat(new Http(port).get("/api/commendations/" + phase + ".xlsx").statusCode()).isEqualTo(401);
  }

  @Test
  void theCityOfficeReturnsANominationWhichIsRevisedAndCoApprovedAgain_andAnotherIsWithdrawn() {
    evaluated("tl-zx", 10, Map.of(M_TLZX, 10));
    ProcessInstance pi = starter.start("town-tongli", phase);
    CommendationRound round = commendations.getRound("town-tongli", phase);
    submit(task(pi, CommendationProcess.Element.NOMINATE_MEMBERS), "tl-zx.sec", Map.of("decision", "nominate",
        "nominee_1", M_TLZX, "title_1", "OUTSTANDING_MEMBER", "deeds_1", "带头签订公开承诺"));
    submit(task(pi, CommendationProcess.Element.SELECT_NOMINATIONS), "town-tongli.sec", Map.of(
        "selectedOrgs", List.of("tl-zx"), "selectedNominations", List.of(String.valueOf(nominationOf(round, M_TLZX).getId()))));
    for (Task co : tasks(pi, CommendationProcess.Element.CO_APPROVE)) {
      submit(co, "edu-bureau.sec", Map.of("decision", "approve"));
    }
    Nomination school = nominationOf(round, "tl-zx");
    Nomination teacher = nominationOf(round, M_TLZX);

    Task approveSchool = taskFor(tasks(pi, CommendationProcess.Element.APPROVE), school);
    claim(approveSchool, "office.sec");
    assertRefused(approveSchool, Map.of("decision", "reject"), "“审批意见说明”不能为空");
    formService.submitTaskForm(approveSchool.getId(), Map.of("decision", "reject", "comment", "事迹不够具体，请补充工作实绩"));
    Task revise = taskFor(tasks(pi, CommendationProcess.Element.REVISE), school);
    assertThat(revise).hasCandidateGroup("town-tongli");
    assertThat(text(revise, "returnComment")).isEqualTo("事迹不够具体，请补充工作实绩");
    claim(revise, "town-tongli.sec");
    assertRefused(revise, Map.of("decision", "resubmit", "deeds", " "), "“主要事迹”不能为空");
    formService.submitTaskForm(revise.getId(), Map.of("decision", "resubmit",
        "deeds", "建立党员教师结对帮扶制度，学困生转化率达九成"));
    // Back through 会签, with the revised deeds and the history of the first submission.
    Task again = taskFor(tasks(pi, CommendationProcess.Element.CO_APPROVE), school);
    assertThat(text(again, "deeds")).isEqualTo("建立党员教师结对帮扶制度，学困生转化率达九成");
    assertThat(rows(again, "approvals")).extracting(r -> r.get("stage") + " " + r.get("outcome") + " " + r.get("reason"))
        .containsExactly("评选 入选推荐 ", "会签 同意 ", "审批推荐 不同意 事迹不够具体，请补充工作实绩",
            "修改推荐 修改后重新提交 ");
    submit(again, "edu-bureau.sec", Map.of("decision", "approve"));
    Task approveAgain = taskFor(tasks(pi, CommendationProcess.Element.APPROVE), school);
    assertThat(rows(approveAgain, "approvals")).extracting(r -> r.get("stage")).contains("会签（第 2 次提交）");
    submit(approveAgain, "office.sec", Map.of("decision", "approve"));
    assertThat(commendations.nomination(school.getId()).getSubmissions()).isEqualTo(2);

    submit(taskFor(tasks(pi, CommendationProcess.Element.APPROVE), teacher), "office.sec",
        Map.of("decision", "reject", "comment", "本时段优秀共产党员名额已统筹使用"));
    Task withdraw = taskFor(tasks(pi, CommendationProcess.Element.REVISE), teacher);
    claim(withdraw, "town-tongli.sec");
    assertRefused(withdraw, Map.of("decision", "withdraw"), "“说明”不能为空");
    formService.submitTaskForm(withdraw.getId(), Map.of("decision", "withdraw", "comment", "同意市委办意见，撤回推荐"));
    assertThat(commendations.nomination(teacher.getId()).getStatus()).isEqualTo(Nomination.Status.WITHDRAWN);

    executeJob(pi, CommendationProcess.Element.COMMEND);
    assertThat(pi).isEnded().hasPassed("EndEvent_NominationWithdrawn", "EndEvent_NominationApproved", "EndEvent_Commended");
    assertThat(commendations.awarded(phase)).extracting(AwardedTitle::getSubject).containsExactly("tl-zx");
    assertThat(commendations.decisions(teacher.getId())).extracting(d -> d.getStage() + " " + d.getOutcome() + " "
        + d.getDecidedBy() + " " + d.getReason()).containsExactly(
            "PROPOSE PROPOSED tl-zx.sec null", "SELECT SELECTED town-tongli.sec null",
            "CO_APPROVE APPROVED edu-bureau.sec null", "CITY_APPROVE REJECTED office.sec 本时段优秀共产党员名额已统筹使用",
            "REVISE WITHDRAWN town-tongli.sec 同意市委办意见，撤回推荐");
  }

  @Test
  void aChoiceOverTheQuotaIsRefused_andOneBeyondTheRankingNeedsAReason() {
    // 启明初中 100 and 南湖小学 96: two eligible schools, one place (2 × 0.2 = 0.4 → 1). No eligible teacher.
    evaluated("sl-zx", 10, Map.of());
    evaluated("sl-xx", 9, Map.of());
    ProcessInstance pi = starter.start("town-songling", phase);
    // Nobody to nominate members: straight to 评选.
    assertThat(pi).isWaitingAt(CommendationProcess.Element.SELECT_NOMINATIONS);
    assertThat(tasks(pi, CommendationProcess.Element.NOMINATE_MEMBERS)).isEmpty();
    Task select = task(pi, CommendationProcess.Element.SELECT_NOMINATIONS);
    claim(select, "town-songling.sec");
    assertRefused(select, Map.of("selectedOrgs", List.of("sl-zx", "sl-xx"), "reason", "两校都很优秀"),
        "“先进基层党组织”名额为 1 个，已选 2 个，超出名额，请减少");
    assertRefused(select, Map.of("selectedOrgs", List.of("sl-xx")),
        "推荐排名在名额以外的对象须写明理由：松陵镇南湖小学党支部（先进基层党组织第 2 名）");
    assertRefused(select, Map.of("selectedOrgs", List.of("tl-zx"), "reason", "跨镇推荐"),
        "同里镇古镇初级中学党支部不符合评选条件，不能推荐为先进基层党组织");
    assertRefused(select, Map.of(), "不推荐任何对象时须写明理由");
    CommendationRound round = commendations.getRound("town-songling", phase);
    assertThat(commendations.nominations(round)).isEmpty();
    formService.submitTaskForm(select.getId(), Map.of("selectedOrgs", List.of("sl-xx"),
        "reason", "南湖小学在抗击台风中组织党员护校，群众反映突出"));

    Nomination nomination = nominationOf(round, "sl-xx");
    assertThat(nomination.isOutsideQuota()).isTrue();
    // A town school: the education bureau co-approves, seeing the reason as the city office will.
    Task co = task(pi, CommendationProcess.Element.CO_APPROVE);
    assertThat(text(co, "scores")).endsWith("名额外推荐理由：南湖小学在抗击台风中组织党员护校，群众反映突出");
    submit(co, "edu-bureau.sec", Map.of("decision", "approve"));
    Task approve = task(pi, CommendationProcess.Element.APPROVE);
    assertThat(text(approve, "scores")).isEqualTo("综合得分 96.00；“先进基层党组织”候选第 2 名，名额 1，在名额外；"
        + "名额外推荐理由：南湖小学在抗击台风中组织党员护校，群众反映突出");
    submit(approve, "office.sec", Map.of("decision", "approve"));
    executeJob(pi, CommendationProcess.Element.COMMEND);
    assertThat(pi).isEnded();
    assertThat(commendations.awarded(phase)).extracting(AwardedTitle::getSubject).containsExactly("sl-xx");
  }

  @Test
  void aSchoolMayNominateNobodyWithAReason_andTheCommitteeMayCommendNobodyWithAReason() {
    evaluated("sl-zx", 10, Map.of(M_SLZX, 10));
    ProcessInstance pi = starter.start("town-songling", phase);
    Task nominate = task(pi, CommendationProcess.Element.NOMINATE_MEMBERS);
    assertThat(nominate).hasCandidateGroup("sl-zx");
    claim(nominate, "sl-zx.sec");
    assertRefused(nominate, Map.of("decision", "none"), "“不推荐的理由”不能为空");
    assertRefused(nominate, Map.of("decision", "nominate"), "请至少推荐一名党员");
    formService.submitTaskForm(nominate.getId(), Map.of("decision", "none", "reason", "本校党员一致推荐让给兄弟学校"));
    Task select = task(pi, CommendationProcess.Element.SELECT_NOMINATIONS);
    assertThat(rows(select, "replies")).extracting(r -> r.get("org") + " " + r.get("answer"))
        .containsExactly("松陵镇启明初级中学党支部 不推荐：本校党员一致推荐让给兄弟学校");
    submit(select, "town-songling.sec", Map.of("reason", "本时段集中推荐到市级表彰，镇级不再另行推荐"));
    executeJob(pi, CommendationProcess.Element.COMMEND);
    assertThat(pi).isEnded().hasPassed("EndEvent_Commended").hasNotPassed(CommendationProcess.Element.APPROVE);
    assertThat(commendations.getRound("town-songling", phase).getSelectionNote())
        .isEqualTo("本时段集中推荐到市级表彰，镇级不再另行推荐");
    assertThat(notifications.byEventPrefix("commendation-announced|town-songling|" + phase).get(0).getBody())
        .contains("授予称号 0 项：无");
  }

  @Test
  void withoutAnEligibleCandidateTheCommitteeIsToldAndTheCommendationEnds() {
    // 平望镇卫生院: results confirmed but 60 points (合格, not commendable); 平望 has no other organization.
    evaluated("pw-wsy", 0, Map.of());
    ProcessInstance pi = starter.start("town-pingwang", phase);
    executeJob(pi, CommendationProcess.Element.NOTIFY_NO_CANDIDATES);
    assertThat(pi).isEnded().hasPassed("EndEvent_NoCandidates").hasNotPassed(CommendationProcess.Element.NOMINATE_MEMBERS);
    assertThat(commendations.getRound("town-pingwang", phase).getStatus())
        .isEqualTo(CommendationRound.Status.NO_CANDIDATES);
    List<Notice> told = notifications.byEventPrefix("commendation-none|town-pingwang|" + phase);
    assertThat(told).extracting(Notice::getUsername).contains("town-pingwang.sec", "town-pingwang.liaison");
    assertThat(told.get(0).getSubject()).isEqualTo("中共平望镇委员会评选表彰：没有符合条件的对象");
    // Only a leading body commends.
    assertThatThrownBy(() -> starter.start("tl-zx", phase)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnhandledNominationRemindsTheSchoolThenEscalatesToItsLeader() {
    evaluated("tl-zx", 10, Map.of(M_TLZX, 10));
    ProcessInstance pi = starter.start("town-tongli", phase);
    Task nominate = task(pi, CommendationProcess.Element.NOMINATE_MEMBERS);
    managementService.executeJob(timer(pi, "Timer_NominateReminder").getId());
    executeJob(pi, "ServiceTask_RemindTaskHolders");
    assertThat(notifications.byEventPrefix("remind|" + nominate.getId())).extracting(Notice::getUsername)
        .containsExactlyInAnyOrder("tl-zx.sec", "tl-zx.liaison");
    managementService.executeJob(timer(pi, "Timer_NominateDue").getId());
    executeJob(pi, "ServiceTask_EscalateOverdueTasks");
    List<Notice> escalated = notifications.byEventPrefix("escalate|" + nominate.getId());
    assertThat(escalated).extracting(Notice::getUsername).contains("town-tongli.sec");
    assertThat(escalated.get(0).getSubject()).isEqualTo("督办：中共同里镇委员会的任务“推荐优秀党员”已逾期");
    assertThat(taskService.createTaskQuery().taskId(nominate.getId()).singleResult().getPriority())
        .isEqualTo(TaskDeadlineNotices.OVERDUE_PRIORITY);
    assertThat(pi).hasPassed("EndEvent_Reminded", "EndEvent_Escalated")
        .isWaitingAt(CommendationProcess.Element.NOMINATE_MEMBERS);
  }

  @Test
  void theTimersOfEveryStepRemindAndEscalate() {
    evaluated("tl-zx", 10, Map.of(M_TLZX, 10));
    ProcessInstance pi = starter.start("town-tongli", phase);
    CommendationRound round = commendations.getRound("town-tongli", phase);
    submit(task(pi, CommendationProcess.Element.NOMINATE_MEMBERS), "tl-zx.sec", Map.of("decision", "nominate",
        "nominee_1", M_TLZX, "title_1", "OUTSTANDING_MEMBER", "deeds_1", "带头服务群众"));
    Task select = task(pi, CommendationProcess.Element.SELECT_NOMINATIONS);
    fireDeadlines(pi, "Select", "ServiceTask_RemindTaskHolders", "ServiceTask_EscalateOverdueTasks");
    assertThat(notifications.byEventPrefix("escalate|" + select.getId())).isNotEmpty();
    submit(select, "town-tongli.sec", Map.of("selectedNominations",
        List.of(String.valueOf(nominationOf(round, M_TLZX).getId()))));
    Task co = task(pi, CommendationProcess.Element.CO_APPROVE);
    fireDeadlines(pi, "CoApprove", "ServiceTask_RemindNominationHolders", "ServiceTask_EscalateNominationTasks");
    assertThat(notifications.byEventPrefix("remind|" + co.getId())).extracting(Notice::getUsername)
        .contains("edu-bureau.sec");
    submit(co, "edu-bureau.sec", Map.of("decision", "approve"));
    Task approve = task(pi, CommendationProcess.Element.APPROVE);
    fireDeadlines(pi, "Approve", "ServiceTask_RemindNominationHolders", "ServiceTask_EscalateNominationTasks");
    // The city office has nobody above it: its own people hear of it.
    assertThat(notifications.byEventPrefix("escalate|" + approve.getId())).extracting(Notice::getUsername)
        .contains("office.sec");
    submit(approve, "office.sec", Map.of("decision", "reject", "comment", "请补充事迹"));
    Task revise = task(pi, CommendationProcess.Element.REVISE);
    fireDeadlines(pi, "Revise", "ServiceTask_RemindNominationHolders", "ServiceTask_EscalateNominationTasks");
    assertThat(notifications.byEventPrefix("remind|" + revise.getId())).extracting(Notice::getUsername)
        .contains("town-tongli.sec");
    submit(revise, "town-tongli.sec", Map.of("decision", "withdraw", "comment", "撤回"));
    executeJob(pi, CommendationProcess.Element.COMMEND);
    assertThat(pi).isEnded().hasPassed("EndEvent_NominationReminded", "EndEvent_NominationEscalated",
        "EndEvent_Reminded", "EndEvent_Escalated");
    assertThat(commendations.awarded(phase)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Confirms an evaluation of the organization from paper ballots: 10 ballots; each of the 五个好 rated
   * 满意 by {@code satisfied} of them and 基本满意 by the rest (score 60 + 4 × satisfied, rate 100%);
   * each member 优秀 by the given count and 合格 by the rest (score 80 + 2 × count, trust 100%).
   */
  private void evaluated(String orgCode, int satisfied, Map<String, Integer> excellent) {
    EvaluationKey key = new EvaluationKey(orgCode, phase, 2026);
    evaluations.open(key);
    evaluations.close(key, "test");
    Tally.Builder tally = new Tally.Builder().ballots(10);
    for (Criterion criterion : Criterion.of(false)) {
      tally.add(criterion, Satisfaction.SATISFIED, satisfied).add(criterion, Satisfaction.BASICALLY_SATISFIED, 10 - satisfied);
    }
    for (Member member : organizations.members(orgCode)) {
      int count = excellent.getOrDefault(member.getMemberNo(), 0);
      tally.add(member.getMemberNo(), MemberRating.EXCELLENT, count).add(member.getMemberNo(), MemberRating.QUALIFIED,
          10 - count);
    }
    evaluations.recordPaperTally(key, tally.build(), "test");
    scoring.score(key);
    scoring.grade(key);
    evaluations.confirm(key, "test");
  }

  private static Map<String, Object> nominations(String member1, String title1, String member2, String title2) {
    Map<String, Object> values = new HashMap<>();
    values.put("decision", "nominate");
    values.put("nominee_1", member1);
    values.put("title_1", title1);
    values.put("deeds_1", "坚持家访，帮扶学困生");
    values.put("nominee_2", member2);
    values.put("title_2", title2);
    values.put("deeds_2", "课堂教学成绩突出");
    return values;
  }

  private Nomination nominationOf(CommendationRound round, String subject) {
    return commendations.nominations(round).stream().filter(n -> n.getSubject().equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("no nomination of " + subject));
  }

  private void assertRefused(Task task, Map<String, Object> values, String message) {
    assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), values))
        .isInstanceOf(InvalidFormException.class).hasMessageStartingWith("请修改后再提交：").hasMessageContaining(message);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private void claim(Task task, String user) {
    taskService.claim(task.getId(), user);
  }

  private void submit(Task task, String user, Map<String, Object> values) {
    claim(task, user);
    formService.submitTaskForm(task.getId(), values);
    settle(task.getProcessInstanceId());
  }

  /** The ends of the parallel instances (推荐, 会签, 审批), each a job of the process. */
  private static final List<String> FAN_IN_ENDS = List.of("EndEvent_MembersNominated", "EndEvent_CoApprovalGiven",
      "EndEvent_NominationApproved", "EndEvent_NominationWithdrawn");

  /**
   * Runs the jobs in which the parallel instances end, one at a time, as the job executor does: bodies
   * deciding at the same moment never update the same count together.
   */
  private void settle(String processInstanceId) {
    for (int pass = 0; pass < 10; pass++) {
      List<Job> jobs = FAN_IN_ENDS.stream().flatMap(a -> managementService.createJobQuery()
          .processInstanceId(processInstanceId).activityId(a).list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  private Object local(Task task, String key) {
    return taskService.getVariableLocal(task.getId(), key);
  }

  private String text(Task task, String key) {
    Object value = local(task, key);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, String>> rows(Task task, String key) {
    return (List<Map<String, String>>) local(task, key);
  }

  private Task task(ProcessInstance pi, String key) {
    List<Task> list = tasks(pi, key);
    assertThat(list).as(key).hasSize(1);
    return list.get(0);
  }

  private List<Task> tasks(ProcessInstance pi, String key) {
    settle(pi.getId());
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private Task taskFor(List<Task> tasks, Nomination nomination) {
    return tasks.stream().filter(t -> String.valueOf(nomination.getId())
        .equals(String.valueOf(taskService.getVariable(t.getId(), CommendationProcess.Var.NOMINATION_ID))))
        .findFirst().orElseThrow(() -> new AssertionError("no task for nomination " + nomination.getSubject()));
  }

  private Job timer(ProcessInstance pi, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).list();
    assertThat(jobs).as("timer " + activityId).hasSize(1);
    return jobs.get(0);
  }

  private void fireDeadlines(ProcessInstance pi, String prefix, String remind, String escalate) {
    managementService.executeJob(timer(pi, "Timer_" + prefix + "Reminder").getId());
    executeJob(pi, remind);
    managementService.executeJob(timer(pi, "Timer_" + prefix + "Due").getId());
    executeJob(pi, escalate);
  }

  private void executeJob(ProcessInstance pi, String activityId) {
    settle(pi.getId());
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
    assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
    jobs.forEach(j -> managementService.executeJob(j.getId()));
  }

  private byte[] export(String path, String user) {
    try {
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(user + " " + path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(CommendationController.XLSX.toString());
      assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<List<String>> sheet(byte[] xlsx, String name) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet(name);
      DataFormatter formatter = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
        }
        rows.add(cells);
      }
      return rows;
    }
  }
}
