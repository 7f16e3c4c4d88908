package cn.wujiang.cxzy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.commitment.CommitmentStarter;

/** Cockpit as the city office watches the campaign: the dashboard and the diagram of 公开承诺, in Chinese. */
@DemoCityTest
class CockpitBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort
  int port;

  @Autowired CommitmentStarter starter;

  @Test
  void theCityOfficeSeesTheDashboard() {
    starter.startCommitment("tl-zx", "b" + UUID.randomUUID().toString().substring(0, 8));

    logInToCockpit("office.sec");

    WebElement dashboard = browser.visible(By.cssSelector(".dashboard"));
    browser.waiting().until(d -> dashboard.getText().contains("运行中的流程实例"));
    assertThat(dashboard.getText()).contains("当前", "已部署", "流程定义");
    browser.assertNoEnglish();
  }

  @Test
  void theDiagramOfPublicCommitmentShowsItsChineseNames() {
    starter.startCommitment("tl-zx", "b" + UUID.randomUUID().toString().substring(0, 8));

    logInToCockpit("office.sec");
    browser.click(By.xpath("//*[@cam-widget-header]//a[normalize-space(.)='流程']"));
    browser.click(By.xpath("//a[contains(@href,'process-definition/publicCommitment:')][normalize-space(.)='公开承诺']"));

    browser.visible(By.cssSelector(".djs-container svg"));
    browser.visible(By.cssSelector(".djs-element[data-element-id='Task_DraftCommitments']"));
    browser.waiting().until(d -> d.findElements(By.cssSelector(".djs-container .djs-label, .djs-container text"))
        .stream().map(WebElement::getText).anyMatch(t -> t.contains("制定承诺")));
    String labels = String.join(" ", browser.driver()
        .findElements(By.cssSelector(".djs-container text")).stream().map(WebElement::getText).toList());
    assertThat(labels).contains("制定承诺", "审核承诺", "认领承诺", "确认党员承诺", "向群众公开承诺");
    browser.assertNoEnglish();
  }

  private void logInToCockpit(String username) {
    browser.logIn("http://localhost:" + port + "/camunda/app/cockpit/default/", username, "demo");
    browser.visible(By.cssSelector("[cam-widget-header] .navbar-brand"));
  }
}
