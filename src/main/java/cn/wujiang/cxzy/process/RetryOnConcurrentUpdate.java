package cn.wujiang.cxzy.process;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a top-level engine command again when it lost a race on the same rows to another transaction
 * (OptimisticLockingException): two people completing sibling tasks at the same moment, a task completed
 * while a job moved its process on. The command starts afresh in a new transaction, so it sees the other's
 * work; after a short randomized pause, a bounded number of times.
 *
 * <p>Not retried: a command inside another command or inside a Spring transaction that is already active
 * (the outer work is lost with it and must fail as a whole), and a job's execution, which the job executor
 * retries itself.
 */
@Component
public final class RetryOnConcurrentUpdate extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(RetryOnConcurrentUpdate.class);

  private final int retries;
  private final long backoffMillis;
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong givenUp = new AtomicLong();

  /**
   * @param retries how many times a command runs again after its first attempt (0: never)
   * @param backoffMillis the base pause; attempt n waits a random time up to n times this
   */
  public RetryOnConcurrentUpdate(@Value("${cxzy.engine.command-retries:5}") int retries,
      @Value("${cxzy.engine.command-retry-backoff-ms:20}") long backoffMillis) {
    this.retries = Math.max(0, retries);
    this.backoffMillis = Math.max(0, backoffMillis);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!retriable(command)) {
      return next.execute(command);
    }
    for (int attempt = 0;; attempt++) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException e) {
        if (attempt >= retries) {
          givenUp.incrementAndGet();
          LOG.warn("{} still clashed after {} retries: {}", command.getClass().getSimpleName(), retries,
              e.getMessage());
          throw e;
        }
        retried.incrementAndGet();
        LOG.debug("{} clashed, retry {}: {}", command.getClass().getSimpleName(), attempt + 1, e.getMessage());
        pause(attempt + 1);
      }
    }
  }

  boolean retriable(Command<?> command) {
    if (retries == 0 || Context.getCommandContext() != null || Context.getJobExecutorContext() != null) {
      return false;
    }
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return false;
    }
    // managementService.executeJob and the job executor's commands: the job's own retry applies.
    String name = command.getClass().getSimpleName();
    return !name.contains("Job");
  }

  private void pause(int attempt) {
    long bound = backoffMillis * attempt;
    if (bound <= 0) {
      return;
    }
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.camunda.bpm.engine.ProcessEngineException("interrupted while waiting to retry", e);
    }
  }

  /** Commands run again after a clash since the start. */
  public long retried() {
    return retried.get();
  }

  /** Commands that still clashed when their retries were used up. */
  public long givenUp() {
    return givenUp.get();
  }
}
