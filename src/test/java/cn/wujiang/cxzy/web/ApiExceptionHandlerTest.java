package cn.wujiang.cxzy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.junit.jupiter.api.Test;

class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void aClashIs409WithAChineseMessageSayingToRefreshAndTryAgain() {
    var answer = handler.conflict(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity'"));

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat(answer.getBody().message()).contains("同时", "刷新").doesNotContain("ENGINE");
  }

  @Test
  void aTaskClaimedByAnotherPersonIs409Naming签收() {
    var answer = handler.conflict(new TaskAlreadyClaimedException("t1", "someone"));

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat(answer.getBody().message()).contains("已被其他人签收");
  }
}
