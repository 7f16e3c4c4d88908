package cn.wujiang.cxzy.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.organization.OrganizationService;

/** Who is calling the API (set by the HTTP Basic filter), and what they may do. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String userId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new AccessDeniedException("请先登录");
    }
    return authentication.getUserId();
  }

  public List<String> groups() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null
        ? List.of() : authentication.getGroupIds();
  }

  public boolean isAdministrator() {
    return groups().contains(Groups.CAMUNDA_ADMIN);
  }

  public boolean isCityOffice() {
    return isAdministrator() || groups().contains(OrganizationService.CITY_OFFICE_GROUP);
  }

  public void requireCityOffice() {
    userId();
    if (!isCityOffice()) {
      throw new AccessDeniedException("只有市委创先争优活动领导小组办公室或系统管理员可以进行此操作");
    }
  }

  /**
   * Runs work the caller has been checked for as the application itself: the engine's per-user
   * checks then do not hide the instances and tasks the work creates for other bodies.
   */
  public <T> T asSystem(java.util.function.Supplier<T> work) {
    return SystemAuthentication.run(identityService, work);
  }

  /** Thrown when the caller may not do what they asked. */
  public static class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
      super(message);
    }
  }
}
