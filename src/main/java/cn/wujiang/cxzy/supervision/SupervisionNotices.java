package cn.wujiang.cxzy.supervision;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Recipient;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.TaskDeadlineNotices;

/** The notices of a spot check: criticism of a unit found wanting, and an overdue improvement. */
final class SupervisionNotices {

  private SupervisionNotices() {
  }

  /** 通报批评: tells the organization and its leader what was found and by when to improve. */
  @Component("criticizeDelegate")
  static class Criticize implements JavaDelegate {
    private final SupervisionService supervision;
    private final NotificationService notifications;
    private final OrganizationService organizations;

    Criticize(SupervisionService supervision, NotificationService notifications, OrganizationService organizations) {
      this.supervision = supervision;
      this.notifications = notifications;
      this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String drawId = (String) execution.getVariable(SupervisionProcess.Var.DRAW_ID);
      String orgCode = (String) execution.getVariable(SupervisionProcess.Var.ORG_CODE);
      Inspection inspection = supervision.inspection(drawId, orgCode);
      List<Recipient> recipients = new ArrayList<>(notifications.actingFor(orgCode));
      recipients.addAll(notifications.actingForGroup(organizations.leaderGroupOf(orgCode)));
      notifications.notify("criticized|" + drawId + "|" + orgCode, recipients, Template.INSPECTION_CRITICIZED,
          organizations.get(orgCode).getName(), inspection.getFindings(),
          SupervisionForms.DAY.format(inspection.getImprovementDue()));
    }
  }

  /** 逾期上报: an improvement not accepted by its deadline goes to the city office, marked overdue. */
  @Component("improvementOverdueDelegate")
  static class Overdue implements JavaDelegate {
    private final SupervisionService supervision;
    private final NotificationService notifications;
    private final OrganizationService organizations;
    private final TaskService taskService;

    Overdue(SupervisionService supervision, NotificationService notifications, OrganizationService organizations,
        TaskService taskService) {
      this.supervision = supervision;
      this.notifications = notifications;
      this.organizations = organizations;
      this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String drawId = (String) execution.getVariable(SupervisionProcess.Var.DRAW_ID);
      String orgCode = (String) execution.getVariable(SupervisionProcess.Var.ORG_CODE);
      supervision.overdue(drawId, orgCode);
      Inspection inspection = supervision.inspection(drawId, orgCode);
      for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .processVariableValueEquals(SupervisionProcess.Var.DRAW_ID, drawId).list()) {
        if (orgCode.equals(taskService.getVariable(task.getId(), SupervisionProcess.Var.ORG_CODE))) {
          taskService.setPriority(task.getId(), TaskDeadlineNotices.OVERDUE_PRIORITY);
        }
      }
      notifications.notify("improvement-overdue|" + drawId + "|" + orgCode,
          notifications.actingForGroup(OrganizationService.CITY_OFFICE_GROUP), Template.IMPROVEMENT_OVERDUE,
          organizations.get(orgCode).getName(), SupervisionForms.DAY.format(inspection.getImprovementDue()),
          inspection.getFindings());
    }
  }
}
