package cn.wujiang.cxzy.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Secure by default, demo by choice: outside the demo profile the application refuses to start without
 * real secrets. It runs once the settings are read and before any bean exists (registered in
 * META-INF/spring.factories), so a refused start leaves nothing behind: no table, no engine user.
 *
 * <p>The demo profile (chosen explicitly, or by {@code ./mvnw spring-boot:run}) keeps its well-known
 * passwords and H2 console; the packaged jar and the image run without it.
 */
class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  static final String DEMO_PROFILE = "demo";
  static final String DEMO_PEPPER = "demo-pepper-not-for-production";
  static final int MIN_ADMIN_PASSWORD = 12;
  static final int MIN_PEPPER = 32;
  /** Words that make a password guessable wherever they appear in it. */
  private static final List<String> WEAK_WORDS = List.of("admin", "demo", "password", "passwort", "camunda",
      "cxzy", "changeme", "secret", "123456", "qwerty");

  private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

  @Override
  public int getOrder() {
    // after the configuration files and the logging system (both run earlier on this event)
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment env = event.getEnvironment();
    if (env.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
      LOG.warn("Demo profile: demo logins and passwords, H2 console; never use it for a real city");
      return;
    }
    List<String> problems = problems(env);
    if (!problems.isEmpty()) {
      throw new UnsafeConfigurationException(problems);
    }
  }

  /** Everything wrong with the settings of a production start, each as one line; empty when it may start. */
  static List<String> problems(ConfigurableEnvironment env) {
    List<String> problems = new ArrayList<>();
    String adminId = env.getProperty("camunda.bpm.admin-user.id", "");
    String adminPassword = env.getProperty("camunda.bpm.admin-user.password", "");
    if (adminId.isBlank()) {
      problems.add("CAMUNDA_ADMIN_USER is empty: the administrator needs a user name");
    }
    String weakPassword = weakPassword(adminId, adminPassword);
    if (weakPassword != null) {
      problems.add("CAMUNDA_ADMIN_PASSWORD " + weakPassword);
    }
    String weakPepper = weakPepper(env.getProperty("cxzy.evaluation.pepper", ""));
    if (weakPepper != null) {
      problems.add("CXZY_EVALUATION_PEPPER (the secret of the ballot codes) " + weakPepper);
    }
    String url = env.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:h2:") && env.getProperty("spring.datasource.password", "").isEmpty()) {
      problems.add("DB_PASSWORD is not set: the database " + withoutParameters(url) + " needs a password");
    }
    if (env.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
      problems.add("spring.h2.console.enabled is true: the H2 console (SQL as the database owner) exists only in the demo");
    }
    if (env.getProperty("cxzy.demo.load", Boolean.class, false)) {
      problems.add("cxzy.demo.load is true: the demo city and its well-known passwords exist only in the demo");
    }
    return problems;
  }

  /** Why the administrator's password is weak, or null when it is not. */
  static String weakPassword(String userId, String password) {
    if (password == null || password.isBlank()) {
      return "is not set: outside the demo the administrator's password must be given";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (!userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
      return "contains the user name";
    }
    for (String word : WEAK_WORDS) {
      if (lower.contains(word)) {
        return "contains the well-known word \"" + word + "\"";
      }
    }
    if (password.length() < MIN_ADMIN_PASSWORD) {
      return "is shorter than " + MIN_ADMIN_PASSWORD + " characters";
    }
    if (password.chars().distinct().count() < 6) {
      return "repeats too few different characters";
    }
    return null;
  }

  /** Why the ballot codes' pepper is weak, or null when it is not. */
  static String weakPepper(String pepper) {
    if (pepper == null || pepper.isBlank()) {
      return "is not set";
    }
    String lower = pepper.toLowerCase(Locale.ROOT);
    if (lower.contains("demo") || lower.contains("not-for-production")) {
      return "is the demo's";
    }
    if (pepper.length() < MIN_PEPPER) {
      return "is shorter than " + MIN_PEPPER + " characters (e.g. openssl rand -base64 32)";
    }
    if (pepper.chars().distinct().count() < 10) {
      return "repeats too few different characters";
    }
    return null;
  }

  private static String withoutParameters(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** A start refused for unsafe settings; {@link UnsafeConfigurationFailureAnalyzer} reports it in one message. */
  static class UnsafeConfigurationException extends IllegalStateException {

    private final List<String> problems;

    UnsafeConfigurationException(List<String> problems) {
      super("Refusing to start without real secrets: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }
}
