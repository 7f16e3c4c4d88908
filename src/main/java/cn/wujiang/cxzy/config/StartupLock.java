package cn.wujiang.cxzy.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * One node at a time through the start on a shared PostgreSQL database. Nodes started at the same moment
 * on an empty database would otherwise race on the engine's schema (ENGINE-03017), on Flyway and on the
 * demo city (duplicate key city-office). As soon as the DataSource exists, before Flyway and the engine
 * touch the database, the node takes a PostgreSQL advisory lock on a connection of its own and keeps it
 * until it is ready (the schemas, the deployments, the demo city and the identities are in place), or
 * until it stops. A node that dies loses its session and with it the lock. On H2 nothing is locked.
 */
@Component
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationEvent>, DisposableBean {

  /** The advisory lock's key, the same on every node of the application ("cxzy" and "start"). */
  static final long KEY = 0x6378_7A79_7374_6172L;
  static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final long RETRY_MILLIS = 500;
  private static final long LOG_EVERY_MILLIS = 15_000;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;

  @Override
  public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && held == null) {
      acquire(dataSource);
    }
    return bean;
  }

  private void acquire(DataSource dataSource) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long start = System.currentTimeMillis();
      long deadline = start + TIMEOUT.toMillis();
      long nextLog = start;
      while (!tryLock(connection)) {
        long now = System.currentTimeMillis();
        if (now > deadline) {
          throw new IllegalStateException("Another node held the start-up lock for " + TIMEOUT + "; giving up");
        }
        if (now >= nextLog) {
          LOG.info("Another node is starting on this database; waiting for it to be ready");
          nextLog = now + LOG_EVERY_MILLIS;
        }
        Thread.sleep(RETRY_MILLIS);
      }
      held = connection;
      LOG.info("Start-up lock taken after {} ms", System.currentTimeMillis() - start);
    } catch (SQLException e) {
      close(connection);
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    } catch (InterruptedException e) {
      close(connection);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }

  /**
   * Ready: the next node may start. Closed before it was ready (a failed start; the migration step ends
   * here too): released while the connection pool is still open.
   */
  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent || event instanceof ContextClosedEvent) {
      release();
    }
  }

  @Override
  public void destroy() {
    release();
  }

  synchronized boolean held() {
    return held != null;
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Statement statement = held.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock; closing its connection ends it: {}", e.getMessage());
    } finally {
      close(held);
      held = null;
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the start-up lock's connection", e);
      }
    }
  }
}
