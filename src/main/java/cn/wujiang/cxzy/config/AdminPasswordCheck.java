package cn.wujiang.cxzy.config;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Outside the demo the administrator's password must come from the environment, never a default. */
@Configuration
@Profile("!demo")
class AdminPasswordCheck implements InitializingBean {

  private final CamundaBpmProperties camunda;

  AdminPasswordCheck(CamundaBpmProperties camunda) {
    this.camunda = camunda;
  }

  @Override
  public void afterPropertiesSet() {
    var admin = camunda.getAdminUser();
    if (admin == null || admin.getPassword() == null || admin.getPassword().isBlank()) {
      throw new IllegalStateException(
          "CAMUNDA_ADMIN_PASSWORD is not set: outside the demo profile the administrator's password must be given");
    }
  }
}
