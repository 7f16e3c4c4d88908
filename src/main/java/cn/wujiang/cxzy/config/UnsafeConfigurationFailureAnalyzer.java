package cn.wujiang.cxzy.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import cn.wujiang.cxzy.config.StartupChecks.UnsafeConfigurationException;

/** Reports a start refused by {@link StartupChecks} as one message, without a stack trace. */
class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
    StringBuilder description = new StringBuilder(
        "The application started without the demo profile (production) and refuses these settings:");
    cause.problems().forEach(p -> description.append(System.lineSeparator()).append("  - ").append(p));
    description.append(System.lineSeparator()).append("Nothing was written to the database.");
    return new FailureAnalysis(description.toString(),
        "Set real secrets in the environment (CAMUNDA_ADMIN_PASSWORD of at least " + StartupChecks.MIN_ADMIN_PASSWORD
            + " characters, CXZY_EVALUATION_PEPPER of at least " + StartupChecks.MIN_PEPPER
            + " random characters, DB_PASSWORD for PostgreSQL), or try the application with the demo profile:"
            + " SPRING_PROFILES_ACTIVE=demo, never for a real city.",
        cause);
  }
}
