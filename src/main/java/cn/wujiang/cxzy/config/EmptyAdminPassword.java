package cn.wujiang.cxzy.config;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Repairs an administrator left with an empty password. Earlier builds created the administrator before
 * they checked its password, so a start without CAMUNDA_ADMIN_PASSWORD left {@code admin} with an empty
 * one, and the engine never changes the password of an existing administrator. Each start compares the
 * stored hash with the empty password (without a login attempt, which would count towards a lock-out)
 * and, where it matches, gives the administrator the configured password.
 */
@Component
@Order(0)
class EmptyAdminPassword implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(EmptyAdminPassword.class);

  private final CamundaBpmProperties camunda;
  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  EmptyAdminPassword(CamundaBpmProperties camunda, IdentityService identityService,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.camunda = camunda;
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  @Override
  public void run(ApplicationArguments args) {
    var admin = camunda.getAdminUser();
    if (admin == null || admin.getId() == null || admin.getPassword() == null || admin.getPassword().isBlank()) {
      return;
    }
    if (identityService.createUserQuery().userId(admin.getId()).singleResult() instanceof UserEntity user
        && user.getPassword() != null
        && engineConfiguration.getPasswordManager().check(EncryptionUtil.saltPassword("", user.getSalt()),
            user.getPassword())) {
      user.setPassword(admin.getPassword());
      identityService.saveUser(user);
      LOG.warn("The administrator {} had an empty password; it now has the configured one", admin.getId());
    }
  }
}
