package cn.wujiang.cxzy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class, in Chinese, for tests that use the webapps as a person does.
 * Register it as a static field with {@code @RegisterExtension}. Without Chromium or chromedriver every
 * test is skipped, saying why, unless the environment says CI (or {@code -Dbrowser.tests.required=true}):
 * there they are installed, and a missing browser fails the class. After every test a screenshot named after
 * the test lands in target/browser-screenshots; a failed test's name ends in FAILED and its page source
 * is saved beside it. A test may save more on the way with {@link #screenshot(String)}. The test class
 * is a Spring test of the whole application (such as {@code @DemoCityTest}).
 */
public class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    BeforeTestExecutionCallback, AfterTestExecutionCallback {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** English words of the webapps that a Chinese user must not see (whole words, case-sensitive). */
  private static final List<String> ENGLISH = List.of("Claim", "Unclaim", "Complete", "Save", "Filters",
      "Add a comment", "Set follow-up date", "Set due date", "Processes", "Process Definitions",
      "Dashboard", "Decisions", "Human Tasks", "Deployments", "Running Process Instances", "Sign out",
      "Form", "History", "Diagram", "Description", "Create task", "Start process", "ago", "seconds",
      "minutes", "hours", "days");

  private static final Pattern ENGLISH_WORDS = Pattern.compile(
      "\\b(" + String.join("|", ENGLISH.stream().map(Pattern::quote).toList()) + ")\\b");

  private WebDriver driver;
  private Path profile;
  private String unavailable;
  private String testName;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Optional<Path> chromium = executable(System.getProperty("chrome.binary", System.getenv("CHROME_BIN")),
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    Optional<Path> chromedriver = executable(System.getProperty("webdriver.chrome.driver"), "/usr/bin/chromedriver");
    if (chromium.isEmpty() || chromedriver.isEmpty()) {
      unavailable = (chromium.isEmpty() ? "Chromium" : "chromedriver") + " not found (/usr/bin/chromium and "
          + "/usr/bin/chromedriver, or -Dchrome.binary and -Dwebdriver.chrome.driver): the browser tests need "
          + "the Debian packages chromium and chromium-driver";
      if (required()) {
        Assertions.fail(unavailable);
      }
      System.err.println(context.getRequiredTestClass().getSimpleName() + " skipped: " + unavailable);
      return;
    }

    profile = Files.createTempDirectory("cxzy-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1400,1400",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.get().toFile())
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Assumptions.assumeTrue(unavailable == null, unavailable);
    restoreWebapps(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
  }

  /**
   * Puts back what another application started and stopped in this JVM (as RestartTest does) takes from
   * the webapps of the application under test: they find their engine by name in Camunda's static
   * registry, where the other application left its own or none, and their runtime delegates are static
   * fields that a stopping application clears (Cockpit then answers 500).
   */
  private static void restoreWebapps(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    testName = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (driver == null) {
      return;
    }
    boolean failed = context.getExecutionException().isPresent();
    String name = testName + (failed ? ".FAILED" : "");
    save(name);
    if (failed) {
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    }
  }

  /** Saves what the browser shows now as {@code <test>.<step>.png}. */
  public void screenshot(String step) {
    try {
      save(testName + "." + step);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void save(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, TIMEOUT);
  }

  /**
   * Opens a webapp logged out and logs in through its login form. The last user's cookies and stored
   * data are removed on a page of the same origin that runs no webapp: a webapp still running would
   * bring a session cookie back without its CSRF token, and the login would be refused (403).
   */
  public void logIn(String appUrl, String username, String password) {
    driver.get("about:blank");
    driver.get(URI.create(appUrl).resolve("/camunda/favicon.ico").toString());
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.get(appUrl);
    By form = By.cssSelector("form[name=signinForm]");
    WebElement usernameField = visible(By.cssSelector("form[name=signinForm] input[type=text]"));
    WebElement passwordField = driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
    waitForAngular();
    usernameField.sendKeys(username);
    passwordField.sendKeys(password);
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    By error = By.cssSelector(".page-notifications .alert-danger");
    waiting().until(ExpectedConditions.or(ExpectedConditions.invisibilityOfElementLocated(form),
        ExpectedConditions.visibilityOfElementLocated(error)));
    assertThat(driver.findElements(error)).as("what %s says when %s logs in", appUrl, username)
        .extracting(WebElement::getText).isEmpty();
  }

  /** Waits until AngularJS has started and no request of the webapp is pending. */
  public void waitForAngular() {
    waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "var injector = window.angular && window.angular.element(document.body).injector();"
            + "return !!injector && injector.get('$http').pendingRequests.length === 0;")));
  }

  public WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void click(By by) {
    waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  public void gone(By by) {
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /** A Camunda Forms field by its label (the label's own text, without the required mark). */
  public WebElement field(String label) {
    WebElement element = visible(By.xpath("//label[contains(@class,'fjs-form-field-label')]"
        + "[normalize-space(text())=" + literal(label) + "]"));
    return driver.findElement(By.id(element.getDomAttribute("for")));
  }

  /** A checklist or radio option of a Camunda Form by its text. */
  public WebElement option(String text) {
    WebElement label = visible(By.xpath("//div[contains(@class,'fjs-form')]//label[normalize-space(.)="
        + literal(text) + "]"));
    return driver.findElement(By.id(label.getDomAttribute("for")));
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The visible page is Chinese: none of the webapps' English words shows. */
  public void assertNoEnglish() {
    String text = text();
    assertThat(ENGLISH_WORDS.matcher(text).results().map(r -> r.group()).distinct().toList())
        .as("English words on %s", driver.getCurrentUrl())
        .isEmpty();
  }

  /** The resources the page has loaded, by URL. */
  @SuppressWarnings("unchecked")
  public List<String> loadedResources() {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
  }

  /** An XPath string literal for text without quotes of both kinds. */
  static String literal(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  private static boolean required() {
    String property = System.getProperty("browser.tests.required");
    if (property != null) {
      return Boolean.parseBoolean(property);
    }
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  /** The configured path if one is given (and nothing else then), else the first default that exists. */
  private static Optional<Path> executable(String configured, String... defaults) {
    Stream<String> candidates = configured != null && !configured.isBlank()
        ? Stream.of(configured) : Stream.of(defaults);
    return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
  }
}
