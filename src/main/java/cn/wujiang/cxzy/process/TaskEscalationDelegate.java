package cn.wujiang.cxzy.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期督办: tells the body above that the instance's open tasks are overdue, and raises their priority. */
@Component("taskEscalationDelegate")
class TaskEscalationDelegate implements JavaDelegate {

  private final TaskDeadlineNotices notices;

  TaskEscalationDelegate(TaskDeadlineNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.escalate(execution);
  }
}
