package cn.wujiang.cxzy.commitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.OrganizationService;

/** 通报市委办: a draft returned three times in a row is brought to the city office's attention. */
@Component("repeatedReturnsDelegate")
class RepeatedReturnsDelegate implements JavaDelegate {

  private final CommitmentService commitments;
  private final NotificationService notifications;
  private final OrganizationService organizations;

  RepeatedReturnsDelegate(CommitmentService commitments, NotificationService notifications,
      OrganizationService organizations) {
    this.commitments = commitments;
    this.notifications = notifications;
    this.organizations = organizations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String orgCode = (String) execution.getVariable(CommitmentProcess.Var.ORG_CODE);
    String phaseId = String.valueOf(execution.getVariable(CommitmentProcess.Var.PHASE_ID));
    Commitment commitment = commitments.find(orgCode, phaseId).orElseThrow();
    notifications.notify("returns|" + execution.getProcessInstanceId() + "|" + commitment.getReturnCount(),
        notifications.actingForGroup(OrganizationService.CITY_OFFICE_GROUP),
        Template.COMMITMENTS_RETURNED_REPEATEDLY, organizations.get(orgCode).getName(),
        commitment.getReturnCount(), commitment.getLastComment());
  }
}
