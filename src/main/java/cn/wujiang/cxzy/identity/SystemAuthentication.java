package cn.wujiang.cxzy.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the application itself. The caller has already been checked by the
 * application (only the city office and administrators import), so the engine's per-user checks on
 * users, groups and authorizations do not apply to the synchronization it triggers.
 */
final class SystemAuthentication {

  private SystemAuthentication() {
  }

  static <T> T run(IdentityService identityService, Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
