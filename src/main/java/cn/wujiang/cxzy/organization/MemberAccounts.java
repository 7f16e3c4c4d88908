package cn.wujiang.cxzy.organization;

import java.util.List;

/**
 * Keeps the login accounts in step with the organizations and members; implemented by the identity
 * feature. Runs inside the import's transaction, so a failure leaves nothing half saved.
 */
public interface MemberAccounts {

  /** An initial password for a new login, to be handed over once and never stored in clear. */
  record Credential(String memberNo, String name, String orgName, String username, String password) {
  }

  /**
   * Brings groups, users, memberships and authorizations in line; returns the new users' passwords.
   * Released usernames (a member's old login after a rename or removal) lose their login.
   */
  List<Credential> synchronize(java.util.Set<String> releasedUsernames);

  /** Whether a username belongs to a login that is not a member (the administrator, say). */
  boolean isReservedUsername(String username);

  /**
   * Whether an organization with this code may not have a group of that id: the engine's own and
   * administrators' groups, anything that could become one, and groups or grants the engine already
   * holds for something that is not an organization.
   */
  boolean isReservedGroupId(String code);
}
