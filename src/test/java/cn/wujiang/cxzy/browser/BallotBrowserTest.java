package cn.wujiang.cxzy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.evaluation.Evaluation;
import cn.wujiang.cxzy.evaluation.EvaluationKey;
import cn.wujiang.cxzy.evaluation.EvaluationService;
import cn.wujiang.cxzy.evaluation.EvaluationStarter;

/** A member of the public casts a ballot with a printed code, on a phone. */
@DemoCityTest
class BallotBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort
  int port;

  @Autowired EvaluationStarter starter;
  @Autowired EvaluationService evaluations;
  @Autowired ManagementService managementService;

  @Test
  void aBallotIsCastOnAPhoneAndTheCodeCannotBeUsedAgain() {
    String phase = "v" + UUID.randomUUID().toString().substring(0, 8);
    int year = Year.now().getValue();
    ProcessInstance pi = starter.start("tl-zx", phase, year);
    for (Job job : managementService.createJobQuery().processInstanceId(pi.getId()).executable().messages().list()) {
      managementService.executeJob(job.getId());
    }
    Evaluation evaluation = evaluations.get(new EvaluationKey("tl-zx", phase, year));
    List<String> codes = evaluations.sheet(evaluation);
    String code = codes.get(0);

    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.driver().get("http://localhost:" + port + "/evaluate/" + code);
    browser.visible(By.xpath("//h1[normalize-space(.)='群众评议']"));
    assertThat(browser.text()).contains("同里镇古镇初级中学党支部", "领导班子好", "对党员的评价");
    for (WebElement choice : browser.driver().findElements(By.cssSelector("input[type=radio][name^='org_'][value='SATISFIED']"))) {
      browser.driver().findElement(By.xpath("//input[@name='" + choice.getAttribute("name") + "' and @value='SATISFIED']/ancestor::label")).click();
    }
    List<WebElement> excellent = browser.driver().findElements(By.cssSelector("input[type=radio][name^='member_'][value='EXCELLENT']"));
    browser.driver().findElement(By.xpath("//input[@name='" + excellent.get(0).getAttribute("name") + "' and @value='EXCELLENT']/ancestor::label")).click();
    browser.driver().findElement(By.name("opinion")).sendKeys("希望多开展家访。<script>alert(1)</script>");
    browser.screenshot("filled");
    browser.click(By.cssSelector("button.submit"));
    browser.visible(By.xpath("//h1[normalize-space(.)='评议已提交']"));
    assertThat(evaluations.usedCodes(evaluation)).isEqualTo(1);
    browser.assertNoEnglish();

    browser.driver().get("http://localhost:" + port + "/evaluate/" + code);
    browser.waiting().until(d -> browser.text().contains("已经使用"));
    assertThat(evaluations.usedCodes(evaluation)).isEqualTo(1);
  }

  @Test
  void aCodeTypedInFullWidthWithAChineseInputMethodIsReadOnTheEntryPage() {
    String phase = "w" + UUID.randomUUID().toString().substring(0, 8);
    int year = Year.now().getValue();
    ProcessInstance pi = starter.start("tl-zx", phase, year);
    for (Job job : managementService.createJobQuery().processInstanceId(pi.getId()).executable().messages().list()) {
      managementService.executeJob(job.getId());
    }
    String code = evaluations.sheet(evaluations.get(new EvaluationKey("tl-zx", phase, year))).get(1);
    // As a Chinese input method gives it: full-width, lower case, with a full-width dash and space.
    StringBuilder typed = new StringBuilder();
    for (char c : (code.substring(0, 5).toLowerCase(java.util.Locale.ROOT) + "－　" + code.substring(5)).toCharArray()) {
      typed.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
    }

    browser.driver().get("http://localhost:" + port + "/evaluate");
    WebElement input = browser.visible(By.id("code"));
    input.sendKeys(typed.toString());
    assertThat(input.getAttribute("value")).isEqualTo(code);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waiting().until(d -> d.getCurrentUrl().endsWith("/evaluate/" + code));
    browser.waiting().until(d -> browser.text().contains("领导班子好"));
    assertThat(browser.text()).contains("同里镇古镇初级中学党支部");
  }
}
