package cn.wujiang.cxzy.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.commitment.Commitment;
import cn.wujiang.cxzy.commitment.CommitmentItem;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.commitment.CommitmentStarter;
import cn.wujiang.cxzy.commitment.MemberCommitment;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * 公开承诺 in Tasklist, as the school secretary, the town committee and a teacher do it: the filter, the
 * task, the claim, the Camunda Form (checklists included), the refusal of what the form itself lets
 * through, and Chinese all along (labels, relative times, the date picker).
 */
@DemoCityTest
class TasklistBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  static final String SCHOOL = "tl-zx";
  static final String SCHOOL_NAME = "同里镇古镇初级中学党支部";
  static final By CLAIM = By.cssSelector(".task-details button.claim");
  static final By UNCLAIM = By.cssSelector(".task-details button.unclaim");
  static final By COMPLETE = By.xpath("//section[contains(@class,'task-details')]"
      + "//button[contains(@class,'btn-primary')][normalize-space(.)='完成']");
  static final By ERROR = By.cssSelector(".page-notifications .alert-danger");

  @LocalServerPort
  int port;

  @Autowired ProcessEngine engine;
  @Autowired CommitmentStarter starter;
  @Autowired CommitmentService commitments;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired OrganizationService organizations;

  /** A phase of this test alone: its tasks are told apart from others' by 时段 in the list. */
  String phase;

  @BeforeEach
  void newPhase() {
    AbstractAssertions.init(engine);
    phase = "b" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theSchoolSecretaryDraftsTheCommitmentsInTasklist() {
    ProcessInstance pi = starter.startCommitment(SCHOOL, phase);

    logInToTasklist("tl-zx.sec");
    openTask("本组织待办", "制定承诺");
    claim();
    // The context comes first: which organization, which phase.
    assertThat(browser.field("党组织").getDomProperty("value")).isEqualTo(SCHOOL_NAME);
    assertThat(browser.field("时段").getDomProperty("value")).isEqualTo(phase);
    fillDraft("每名党员教师结对帮扶一名学困生\n开展党员示范课活动\n组织党员志愿服务进社区");
    WebElement carrier = browser.option("堡垒工程");
    carrier.click();
    assertThat(carrier.isSelected()).isTrue();
    browser.assertNoEnglish();
    browser.screenshot("filled");

    complete("制定承诺");

    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_DraftCommitments").count()).isZero();
    assertThat(pi).isWaitingAt("Task_ApproveCommitments");
    Commitment commitment = commitments.find(SCHOOL, phase).orElseThrow();
    assertThat(commitment.getGuidance()).isEqualTo("以创先争优推动学校内涵发展");
    assertThat(commitment.getCarriers()).isEqualTo("堡垒工程");
    assertThat(commitments.items(SCHOOL, phase)).extracting(CommitmentItem::getText)
        .containsExactly("每名党员教师结对帮扶一名学困生", "开展党员示范课活动", "组织党员志愿服务进社区");
    browser.assertNoEnglish();
  }

  @Test
  void blankCommitmentItemsAreRefusedInChineseAndNothingIsSaved() {
    ProcessInstance pi = starter.startCommitment(SCHOOL, phase);

    logInToTasklist("tl-zx.sec");
    openTask("本组织待办", "制定承诺");
    claim();
    // Blanks satisfy the form's own required check; the server trims them away.
    fillDraft("   ");
    browser.click(COMPLETE);

    WebElement error = browser.visible(ERROR);
    assertThat(error.getText()).contains("“承诺事项”不能为空").doesNotContain("Cannot");
    browser.assertNoEnglish();
    assertThat(commitments.find(SCHOOL, phase)).isEmpty();
    assertThat(pi).isWaitingAt("Task_DraftCommitments");
    assertThat(task(pi, "Task_DraftCommitments").getAssignee()).isEqualTo("tl-zx.sec");
  }

  @Test
  void theTownCommitteeApprovesTheDraftInTasklist() {
    ProcessInstance pi = starter.startCommitment(SCHOOL, phase);
    draftThroughTheApi(pi);

    logInToTasklist("town-tongli.sec");
    openTask("本组织待办", "审核承诺");
    claim();
    assertThat(browser.field("党组织").getDomProperty("value")).isEqualTo(SCHOOL_NAME);
    assertThat(browser.field("承诺事项").getDomProperty("value"))
        .isEqualTo("1. 开展党员示范课活动\n2. 组织党员志愿服务进社区");
    WebElement approve = browser.option("通过");
    approve.click();
    assertThat(approve.isSelected()).isTrue();
    browser.assertNoEnglish();
    browser.screenshot("filled");

    complete("审核承诺");

    assertThat(pi).isWaitingAt("Task_ClaimCommitments");
    assertThat(commitments.find(SCHOOL, phase).orElseThrow().getStatus()).isEqualTo(Commitment.Status.APPROVED);
    browser.assertNoEnglish();
  }

  @Test
  void aTeacherClaimsItemsAndWritesAPersonalCommitmentInTasklist() {
    ProcessInstance pi = starter.startCommitment(SCHOOL, phase);
    draftThroughTheApi(pi);
    Task approve = task(pi, "Task_ApproveCommitments");
    taskService.claim(approve.getId(), "town-tongli.sec");
    formService.submitTaskForm(approve.getId(), Map.of("decision", "approve"));
    Member teacher = organizations.memberByUsername("tl-zx.m1").orElseThrow();

    logInToTasklist("tl-zx.m1");
    openTask("我的待办", "认领承诺");
    assertThat(browser.field("党员").getDomProperty("value")).startsWith(teacher.getName());
    // The school and the phase at the top of every member's form.
    assertThat(browser.field("党组织").getDomProperty("value")).isEqualTo(SCHOOL_NAME);
    assertThat(browser.field("时段").getDomProperty("value")).isEqualTo(phase);
    WebElement item = browser.option("2. 组织党员志愿服务进社区");
    item.click();
    assertThat(item.isSelected()).isTrue();
    browser.field("个人承诺").sendKeys("每月参加一次社区志愿服务");
    browser.assertNoEnglish();
    browser.screenshot("filled");

    complete("认领承诺");

    MemberCommitment claimed = commitments.memberCommitment(SCHOOL, phase, teacher.getMemberNo()).orElseThrow();
    assertThat(claimed.getItemSeqs()).isEqualTo("2");
    assertThat(claimed.getText()).isEqualTo("每月参加一次社区志愿服务");
    browser.assertNoEnglish();
  }

  @Test
  void relativeTimesAndTheDatePickerAreChinese() {
    starter.startCommitment(SCHOOL, phase);

    logInToTasklist("tl-zx.sec");
    openTask("本组织待办", "制定承诺");

    // "截止 30 分钟后", "创建时间 几秒前", never "in 30 minutes" or "a few seconds ago".
    List<String> times = browser.driver().findElements(By.cssSelector("[am-time-ago]")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    assertThat(times).isNotEmpty().allMatch(t -> t.matches(".*[前后]") && !t.matches(".*[A-Za-z].*"), "Chinese");
    // A late en.json would set moment.js back to English: Tasklist must not load it at all.
    assertThat(browser.loadedResources()).noneMatch(url -> url.contains("/locales/en.json"));

    browser.click(By.xpath("//section[contains(@class,'task-details')]//a[normalize-space(.)='设置跟进日期']"));
    WebElement picker = browser.visible(By.cssSelector(".task-details .uib-daypicker"));
    assertThat(picker.findElement(By.cssSelector(".uib-title")).getText()).matches("\\d{4}年\\d{1,2}月");
    assertThat(picker.findElements(By.cssSelector("thead th small")).stream().map(WebElement::getText))
        .containsExactly("一", "二", "三", "四", "五", "六", "日");
    browser.assertNoEnglish();
  }

  /** 制定承诺 done as Tasklist would submit it, with two items. */
  private void draftThroughTheApi(ProcessInstance pi) {
    Task draft = task(pi, "Task_DraftCommitments");
    taskService.claim(draft.getId(), "tl-zx.sec");
    formService.submitTaskForm(draft.getId(), Map.of(
        "guidance", "以创先争优推动学校内涵发展",
        "phaseGoals", "全体党员公开承诺",
        "commitmentItems", "开展党员示范课活动\n组织党员志愿服务进社区",
        "standardOrg", "对照五个好",
        "standardMember", "对照五带头",
        "carriers", SpinValues.jsonValue("[\"堡垒工程\"]").create()));
  }

  private void logInToTasklist(String username) {
    browser.logIn("http://localhost:" + port + "/camunda/app/tasklist/default/", username, "demo");
    browser.visible(By.cssSelector("[cam-tasklist-filters] .task-filter"));
  }

  /** Opens a filter, then the task of this test's phase in its list. */
  private void openTask(String filter, String taskName) {
    browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a"
        + "[contains(normalize-space(.)," + Browser.literal(filter) + ")]"));
    browser.click(By.xpath(xpathOfTaskInList(taskName) + "//h4[contains(@class,'task')]/a"));
    browser.visible(By.xpath("//section[contains(@class,'task-details')]//h2[contains(@class,'task')]"
        + "[normalize-space(.)=" + Browser.literal(taskName) + "]"));
    browser.visible(By.cssSelector(".task-details .fjs-form"));
  }

  private void claim() {
    browser.click(CLAIM);
    browser.visible(UNCLAIM);
    browser.gone(By.cssSelector(".task-details .disabled-form"));
  }

  /** Completes the open task; it leaves the list, or the test fails with what Tasklist said. */
  private void complete(String taskName) {
    browser.click(COMPLETE);
    browser.waiting().until(d -> d.findElements(taskInList(taskName)).isEmpty()
        || !d.findElements(ERROR).isEmpty());
    assertThat(browser.driver().findElements(ERROR)).as("Tasklist's error notification")
        .extracting(WebElement::getText).isEmpty();
  }

  private void fillDraft(String items) {
    browser.field("活动指导意见").sendKeys("以创先争优推动学校内涵发展");
    browser.field("阶段目标").sendKeys("全体党员公开承诺，人人争当优秀共产党员");
    browser.field("承诺事项").sendKeys(items);
    browser.field("先进基层党组织具体标准").sendKeys("对照“五个好”，班子团结、制度健全");
    browser.field("优秀共产党员具体标准").sendKeys("对照“五带头”，教书育人、为人师表");
  }

  private By taskInList(String taskName) {
    return By.xpath(xpathOfTaskInList(taskName));
  }

  /** The list item of a task of this test's phase (时段 shows the phase). */
  private String xpathOfTaskInList(String taskName) {
    return "//section[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
        + "[.//h4[contains(@class,'task')]/a[normalize-space(.)=" + Browser.literal(taskName) + "]]"
        + "[.//*[contains(@class,'variable-value')][normalize-space(.)=" + Browser.literal(phase) + "]]";
  }

  private Task task(ProcessInstance pi, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }
}
