package cn.wujiang.cxzy.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The production migration step: with {@code --cxzy.migrate-only=true} the application creates or
 * upgrades the engine's schema and ours (Flyway), deploys the models, runs the other start-up steps
 * (the Tasklist filters; the demo city in the demo profile), and exits. The nodes of a cluster
 * then start with CAMUNDA_SCHEMA_UPDATE=false and never race on the schema. Nodes started without it, or at
 * the same time as it, take turns through the start ({@link StartupLock}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "cxzy.migrate-only", havingValue = "true")
class MigrateOnly implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(MigrateOnly.class);

  private final ConfigurableApplicationContext context;

  MigrateOnly(ConfigurableApplicationContext context) {
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    LOG.info("Schemas and deployments are up to date; migration step done");
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
