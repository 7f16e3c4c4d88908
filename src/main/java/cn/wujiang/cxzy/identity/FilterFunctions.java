package cn.wujiang.cxzy.identity;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;

/** Functions the Tasklist filters' expressions call (registered by {@link IdentityEnginePlugin}). */
public final class FilterFunctions {

  /** The filters' function for the current person's groups. */
  static final String GROUPS_FUNCTION = "currentUserGroupsOrNone";
  /** Not a valid group id (generalResourceWhitelistPattern wants a letter or digit first): never a group. */
  static final String NO_GROUP = "-";

  private FilterFunctions() {
  }

  /** The authenticated person's groups, or a list holding only {@link #NO_GROUP} where they have none. */
  public static List<String> currentUserGroupsOrNone() {
    var commandContext = Context.getCommandContext();
    List<String> groups = commandContext == null ? null : commandContext.getAuthenticatedGroupIds();
    return groups == null || groups.isEmpty() ? List.of(NO_GROUP) : groups;
  }
}
