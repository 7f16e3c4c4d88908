package cn.wujiang.cxzy.config;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.wujiang.cxzy.identity.CurrentUser;

/** The administrator sees which accounts and addresses wait after failed logins, and until when. */
@RestController
class LoginThrottleController {

  private final LoginThrottle throttle;
  private final CurrentUser currentUser;

  LoginThrottleController(LoginThrottle throttle, CurrentUser currentUser) {
    this.throttle = throttle;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/admin/login-throttles")
  List<LoginThrottle.Entry> throttles() {
    currentUser.userId();
    if (!currentUser.isAdministrator()) {
      throw new CurrentUser.AccessDeniedException("只有系统管理员可以查看登录限制");
    }
    return throttle.current();
  }
}
