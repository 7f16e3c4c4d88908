package cn.wujiang.cxzy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * A leader opens 活动进度 in the browser: without a login the browser goes to the Tasklist login (in
 * Chinese, no password dialog of the browser's own), and once logged in there the page opens.
 */
@DemoCityTest
class ProgressBrowserTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  @LocalServerPort
  int port;

  private String base() {
    return "http://localhost:" + port;
  }

  /** No cookie and no stored data of an earlier login, on a page of the same origin that runs no webapp. */
  private void loggedOut() {
    WebDriver driver = browser.driver();
    driver.get("about:blank");
    driver.get(base() + "/camunda/favicon.ico");
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  @Test
  void withoutALoginTheProgressPageGoesToTheTasklistLoginAndOpensAfterIt() {
    loggedOut();
    WebDriver driver = browser.driver();
    driver.get(base() + "/progress");

    browser.visible(By.cssSelector("form[name=signinForm]"));
    assertThat(driver.getCurrentUrl()).contains("/camunda/app/tasklist/").contains("#/login");
    browser.waitForAngular();
    browser.screenshot("progress-login");
    browser.assertNoEnglish();
    driver.findElement(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("office.sec");
    driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();

    browser.gone(By.cssSelector("form[name=signinForm]"));
    driver.get(base() + "/progress");
    assertThat(browser.text()).contains("创先争优活动进度");
    browser.screenshot("progress-after-login");
  }
}
