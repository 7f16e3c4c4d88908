package cn.wujiang.cxzy.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine user passwords hashed with PBKDF2-HMAC-SHA256 ({@link Pbkdf2PasswordEncryptor}) instead of the
 * engine's one round of salted SHA-512. SHA-512 hashes stay checkable, and a user whose stored hash is
 * SHA-512 or has fewer iterations than configured gets a new hash at the next successful login.
 * The work factor is {@code cxzy.identity.password-hash-iterations}.
 */
@Component
class PasswordHashing extends AbstractProcessEnginePlugin {

  private final Pbkdf2PasswordEncryptor encryptor;

  PasswordHashing(@Value("${cxzy.identity.password-hash-iterations:310000}") int iterations) {
    this.encryptor = new Pbkdf2PasswordEncryptor(iterations);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine's password manager checks SHA-512 (and SHA-1) hashes besides the default encryptor.
    configuration.setPasswordEncryptor(encryptor);
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(UpgradingIdentityProvider.class));
  }

  /** The engine's database identity provider, which renews an outdated hash after a successful login. */
  public static class UpgradingIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
      boolean valid = super.checkPassword(userId, password);
      if (valid && Context.getProcessEngineConfiguration().getPasswordEncryptor()
          instanceof Pbkdf2PasswordEncryptor encryptor) {
        UserEntity user = findUserById(userId);
        if (user != null && Pbkdf2PasswordEncryptor.iterationsOf(user.getPassword()) < encryptor.iterations()) {
          // A new salt and hash on the cached entity; the command's flush writes them.
          user.setPassword(password);
          user.encryptPassword();
        }
      }
      return valid;
    }
  }
}
