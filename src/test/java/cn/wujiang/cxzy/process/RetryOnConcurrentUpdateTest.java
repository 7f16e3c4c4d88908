package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RetryOnConcurrentUpdateTest {

  /** Fails with a clash the first {@code clashes} times, then answers. */
  static final class Clashing extends CommandInterceptor {
    final AtomicInteger calls = new AtomicInteger();
    final int clashes;

    Clashing(int clashes) {
      this.clashes = clashes;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (calls.incrementAndGet() <= clashes) {
        throw new OptimisticLockingException("ENGINE-03005 updated by another transaction concurrently");
      }
      return command.execute(null);
    }
  }

  static final class CompleteTaskCmd implements Command<String> {
    @Override
    public String execute(org.camunda.bpm.engine.impl.interceptor.CommandContext commandContext) {
      return "done";
    }
  }

  static final class ExecuteJobsCmd implements Command<String> {
    @Override
    public String execute(org.camunda.bpm.engine.impl.interceptor.CommandContext commandContext) {
      return "done";
    }
  }

  private static RetryOnConcurrentUpdate retry(int retries, CommandInterceptor next) {
    RetryOnConcurrentUpdate retry = new RetryOnConcurrentUpdate(retries, 1);
    retry.setNext(next);
    return retry;
  }

  @Test
  void aClashedCommandRunsAgainAndSucceeds() {
    Clashing next = new Clashing(3);
    RetryOnConcurrentUpdate retry = retry(5, next);

    assertThat(retry.execute(new CompleteTaskCmd())).isEqualTo("done");
    assertThat(next.calls).hasValue(4);
    assertThat(retry.retried()).isEqualTo(3);
    assertThat(retry.givenUp()).isZero();
  }

  @Test
  void theRetriesAreBounded() {
    Clashing next = new Clashing(100);
    RetryOnConcurrentUpdate retry = retry(2, next);

    assertThatThrownBy(() -> retry.execute(new CompleteTaskCmd())).isInstanceOf(OptimisticLockingException.class);
    assertThat(next.calls).hasValue(3);
    assertThat(retry.givenUp()).isEqualTo(1);
  }

  @Test
  void jobsAndCommandsInsideATransactionAreNotRetried() {
    Clashing jobs = new Clashing(1);
    assertThatThrownBy(() -> retry(5, jobs).execute(new ExecuteJobsCmd()))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(jobs.calls).hasValue(1);

    Clashing inTransaction = new Clashing(1);
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      assertThatThrownBy(() -> retry(5, inTransaction).execute(new CompleteTaskCmd()))
          .isInstanceOf(OptimisticLockingException.class);
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
    assertThat(inTransaction.calls).hasValue(1);
  }
}
