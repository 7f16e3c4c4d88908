package cn.wujiang.cxzy.organization;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the fictional demo city (src/main/resources/demo) through the ordinary import on the first
 * start of the demo profile, and gives every demo login the demo password.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "cxzy.demo.load", havingValue = "true")
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final OrganizationService organizations;
  private final ImportService importService;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;
  private final String password;

  DemoData(OrganizationService organizations, ImportService importService, IdentityService identityService,
      TransactionTemplate transaction, @Value("${cxzy.demo.password}") String password) {
    this.organizations = organizations;
    this.importService = importService;
    this.identityService = identityService;
    this.transaction = transaction;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (organizations.count() > 0) {
      return;
    }
    byte[] orgs = read("demo/organizations.csv");
    byte[] members = read("demo/members.csv");
    transaction.executeWithoutResult(status -> {
      importService.importOrganizations(orgs);
      for (MemberAccounts.Credential credential : importService.importMembers(members).credentials()) {
        User user = identityService.createUserQuery().userId(credential.username()).singleResult();
        user.setPassword(password);
        identityService.saveUser(user);
      }
    });
    LOG.info("Demo city loaded: {} organizations", organizations.count());
  }

  private static byte[] read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    }
  }
}
