package cn.wujiang.cxzy.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 催办提醒: reminds the holders of the instance's open tasks that they fall due. */
@Component("taskReminderDelegate")
class TaskReminderDelegate implements JavaDelegate {

  private final TaskDeadlineNotices notices;

  TaskReminderDelegate(TaskDeadlineNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.remind(execution);
  }
}
