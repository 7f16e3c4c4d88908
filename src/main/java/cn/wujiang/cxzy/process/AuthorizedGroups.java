package cn.wujiang.cxzy.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Authorization checks without the engine's scan of the whole authorization table.
 *
 * <p>Before its first authorization check in a command the engine reads every distinct group of
 * {@code ACT_RU_AUTHORIZATION} ({@code SELECT distinct(GROUP_ID_)}, no index can serve it) to drop
 * from the person's groups those that have no authorization at all, so that its queries carry a
 * shorter {@code GROUP_ID_ IN (…)}. Here every process instance grants READ to the bodies above its
 * organization, so that table grows with every cycle started, and the scan with it: at 500
 * organizations it read over ten thousand rows each time, one and a half times per user task. A person here
 * belongs to a few groups; a group without authorizations matches no row of the checks, so passing
 * the groups unfiltered gives the same answers. Beyond {@link #FILTER_ABOVE} groups the engine's
 * filter is used as before.
 */
final class AuthorizedGroups extends AuthorizationManager {

  /** Up to this many groups a person's groups go into the checks as they are. */
  static final int FILTER_ABOVE = 50;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.size() > FILTER_ABOVE) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthorizedGroups();
    }
  }
}
