package cn.wujiang.cxzy.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * The engine's database identity provider, which renews an outdated hash after a successful login and
   * does not hash again a password it verified a few minutes ago: scripts send HTTP Basic with every
   * request, and PBKDF2 is slow by design (a stranger's wrong passwords still cost the full hash).
   */
  public static class UpgradingIdentityProvider extends DbIdentityServiceProvider {

    private static final VerifiedPasswords VERIFIED = new VerifiedPasswords(Duration.ofMinutes(10), 10_000);

    @Override
    protected boolean matchPassword(String password, UserEntity user) {
      if (password == null || user.getPassword() == null) {
        return super.matchPassword(password, user);
      }
      String key = VERIFIED.key(user.getId(), user.getPassword(), user.getSalt(), password);
      if (VERIFIED.known(key)) {
        return true;
      }
      boolean matches = super.matchPassword(password, user);
      if (matches) {
        VERIFIED.remember(key);
      }
      return matches;
    }

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

  /**
   * Logins verified lately, as digests of the user, the stored hash and salt, and the password under a
   * secret of this process: a changed password (a new stored hash) never matches an old entry, and
   * nothing here is a password or a hash that is valid anywhere else.
   */
  static final class VerifiedPasswords {

    private final byte[] secret = new byte[32];
    private final ConcurrentHashMap<String, Long> until = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int capacity;

    VerifiedPasswords(Duration ttl, int capacity) {
      new SecureRandom().nextBytes(secret);
      this.ttlMillis = ttl.toMillis();
      this.capacity = capacity;
    }

    String key(String userId, String storedHash, String storedSalt, String password) {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(secret);
        for (String part : new String[] {userId, storedHash, storedSalt, password}) {
          digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        }
        return Base64.getEncoder().encodeToString(digest.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    boolean known(String key) {
      Long validUntil = until.get(key);
      return validUntil != null && validUntil > System.currentTimeMillis();
    }

    void remember(String key) {
      long now = System.currentTimeMillis();
      if (until.size() >= capacity) {
        until.values().removeIf(validUntil -> validUntil <= now);
        if (until.size() >= capacity) {
          until.clear();
        }
      }
      until.put(key, now + ttlMillis);
    }
  }
}
