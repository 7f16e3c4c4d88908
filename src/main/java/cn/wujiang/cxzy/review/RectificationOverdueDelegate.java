package cn.wujiang.cxzy.review;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskDeadlineNotices;

/**
 * 整改逾期上报: a rectification not accepted by its deadline. Marks the review overdue, puts the open
 * rectification task first in Tasklist and tells the body above the reviewer.
 */
@Component("rectificationOverdueDelegate")
class RectificationOverdueDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final ReviewNotices notices;
  private final TaskService taskService;

  RectificationOverdueDelegate(ReviewService reviews, ReviewNotices notices, TaskService taskService) {
    this.reviews = reviews;
    this.notices = notices;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewKey key = ReviewKey.of(execution);
    Review review = reviews.markOverdue(key);
    for (Task task : openTasks(execution, key)) {
      taskService.setPriority(task.getId(), TaskDeadlineNotices.OVERDUE_PRIORITY);
    }
    notices.rectificationOverdue(review);
  }

  /** The rectification or verification task of this review that is still open. */
  private List<Task> openTasks(DelegateExecution execution, ReviewKey key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(key.isMember()
            ? new String[] {ReviewProcess.Element.RECTIFY_MEMBER, ReviewProcess.Element.VERIFY_MEMBER_RECTIFICATION}
            : new String[] {ReviewProcess.Element.RECTIFY_ORGANIZATION, ReviewProcess.Element.VERIFY_ORG_RECTIFICATION})
        .active().list();
    if (!key.isMember()) {
      return tasks;
    }
    return tasks.stream()
        .filter(t -> key.memberNo().equals(taskService.getVariable(t.getId(), ReviewProcess.Var.MEMBER_NO)))
        .toList();
  }
}
