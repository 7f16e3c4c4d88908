package cn.wujiang.cxzy.identity;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

/**
 * The engine's identity rules of this application:
 * <ul>
 * <li>a new login may read and edit its own user (Admin's profile page, its password), not delete it;</li>
 * <li>a password a person chooses (Admin, the welcome page, /engine-rest) follows the password policy,
 * whose rules Admin shows in Chinese; the application's own logins (initial passwords, which follow
 * it anyway, the demo's) are set with no person logged in and are not held to it.</li>
 * <li>the Tasklist filters ask for the tasks of {@code currentUserGroupsOrNone()}: a member who acts for
 * no organization has no group, and the engine refuses a query for an empty list of candidate groups
 * (HTTP 500 in Tasklist); for them it is a group id no group can have, so the list is simply empty.</li>
 * </ul>
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  static final int MIN_LENGTH = 10;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new OwnProfileAuthorizationProvider());
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new PersonPasswordPolicy(
        () -> configuration.getIdentityService() != null
            && configuration.getIdentityService().getCurrentAuthentication() != null));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      configuration.getExpressionManager().addFunction(FilterFunctions.GROUPS_FUNCTION,
          FilterFunctions.class.getMethod(FilterFunctions.GROUPS_FUNCTION));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The engine's defaults, but a login's own user without DELETE. */
  static final class OwnProfileAuthorizationProvider extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newUser(User user) {
      String userId = user.getId();
      ensureValidIndividualResourceId("Cannot create default authorization for user " + userId, userId);
      return new AuthorizationEntity[] {
          createGrantAuthorization(userId, null, Resources.USER, userId, Permissions.READ, Permissions.UPDATE)};
    }
  }

  /**
   * At least ten characters with a lower-case letter, an upper-case letter and a digit, and none of the
   * user's own data; checked when a person is logged in.
   */
  static final class PersonPasswordPolicy implements PasswordPolicy {

    private final List<PasswordPolicyRule> rules;

    PersonPasswordPolicy(BooleanSupplier personLoggedIn) {
      this.rules = List.of(
          new PersonRule(new PasswordPolicyUserDataRuleImpl(), personLoggedIn),
          new PersonRule(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), personLoggedIn),
          new PersonRule(new PasswordPolicyLowerCaseRuleImpl(1), personLoggedIn),
          new PersonRule(new PasswordPolicyUpperCaseRuleImpl(1), personLoggedIn),
          new PersonRule(new PasswordPolicyDigitRuleImpl(1), personLoggedIn));
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
      return rules;
    }
  }

  /** A rule of the engine's, applied when a person is logged in. */
  record PersonRule(PasswordPolicyRule rule, BooleanSupplier personLoggedIn) implements PasswordPolicyRule {

    @Override
    public String getPlaceholder() {
      return rule.getPlaceholder();
    }

    @Override
    public Map<String, String> getParameters() {
      return rule.getParameters();
    }

    @Override
    public boolean execute(String password) {
      return !personLoggedIn.getAsBoolean() || rule.execute(password);
    }

    @Override
    public boolean execute(String candidatePassword, User user) {
      return !personLoggedIn.getAsBoolean() || rule.execute(candidatePassword, user);
    }
  }
}
