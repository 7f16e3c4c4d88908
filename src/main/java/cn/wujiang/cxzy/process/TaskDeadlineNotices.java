package cn.wujiang.cxzy.process;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Recipient;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Reminders and escalations for the open tasks of a process instance, fired by the deadline timers
 * on the models' human tasks: a reminder goes to whoever holds the task, an escalation to the body
 * above them.
 */
@Component
public class TaskDeadlineNotices {

  /** Priority of an overdue task, so that Tasklist sorts it first. */
  public static final int OVERDUE_PRIORITY = 90;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final TaskService taskService;
  private final OrganizationService organizations;
  private final NotificationService notifications;

  TaskDeadlineNotices(TaskService taskService, OrganizationService organizations,
      NotificationService notifications) {
    this.taskService = taskService;
    this.organizations = organizations;
    this.notifications = notifications;
  }

  public int remind(DelegateExecution execution) {
    int sent = 0;
    for (Task task : openTasks(execution)) {
      sent += notifications.notify("remind|" + task.getId(), holders(task), Template.TASK_REMINDER,
          orgName(execution), task.getName(), format(task.getDueDate()));
    }
    return sent;
  }

  public int escalate(DelegateExecution execution) {
    int sent = 0;
    for (Task task : openTasks(execution)) {
      List<Recipient> above = new ArrayList<>();
      for (String group : escalationGroups(task)) {
        above.addAll(notifications.actingForGroup(group));
      }
      taskService.setPriority(task.getId(), OVERDUE_PRIORITY);
      sent += notifications.notify("escalate|" + task.getId(), above, Template.TASK_ESCALATION,
          orgName(execution), task.getName(), format(task.getDueDate()), holderName(task));
    }
    return sent;
  }

  /** The open tasks of the step whose deadline fired (all open tasks where that is not known). */
  private List<Task> openTasks(DelegateExecution execution) {
    Object step = execution.getVariable(ProcessEnginePlugins.DEADLINE_ACTIVITY);
    var query = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active();
    if (step instanceof String key) {
      query.taskDefinitionKey(key);
    }
    return query.list();
  }

  private List<Recipient> holders(Task task) {
    if (task.getAssignee() != null) {
      return notifications.user(task.getAssignee());
    }
    List<Recipient> result = new ArrayList<>();
    for (String group : candidateGroups(task)) {
      result.addAll(notifications.actingForGroup(group));
    }
    return result;
  }

  /** The bodies above the holder: a member's own organization, or the organization's leader. */
  List<String> escalationGroups(Task task) {
    List<String> groups = new ArrayList<>();
    if (task.getAssignee() != null) {
      organizations.memberByUsername(task.getAssignee()).map(Member::getOrgCode)
          .map(organizations::groupOf).ifPresent(groups::add);
    }
    for (String group : candidateGroups(task)) {
      organizations.find(group).filter(o -> !o.isCityOffice())
          .map(o -> OrganizationService.groupId(organizations.directLeader(o.getCode())))
          .ifPresent(groups::add);
    }
    if (groups.isEmpty()) {
      groups.add(OrganizationService.CITY_OFFICE_GROUP);
    }
    return groups.stream().distinct().toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private String holderName(Task task) {
    if (task.getAssignee() != null) {
      return organizations.memberByUsername(task.getAssignee()).map(Member::getName).orElse(task.getAssignee());
    }
    return candidateGroups(task).stream()
        .map(g -> organizations.find(g).map(Organization::getName).orElse(g))
        .findFirst().orElse("未分配");
  }

  private String orgName(DelegateExecution execution) {
    Object code = execution.getVariable("orgCode");
    return code == null ? "" : organizations.find(code.toString()).map(Organization::getName).orElse(code.toString());
  }

  private static String format(Date date) {
    return date == null ? "（未设定）" : WHEN.format(date.toInstant().atZone(Deadlines.ZONE));
  }
}
