package cn.wujiang.cxzy.commitment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Recipient;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.OrganizationService;

/** 公开承诺: publishes the commitments on the public board and tells the members and the direct leader. */
@Component("publishCommitmentsDelegate")
class PublishCommitmentsDelegate implements JavaDelegate {

  private final CommitmentService commitments;
  private final NotificationService notifications;
  private final OrganizationService organizations;

  PublishCommitmentsDelegate(CommitmentService commitments, NotificationService notifications,
      OrganizationService organizations) {
    this.commitments = commitments;
    this.notifications = notifications;
    this.organizations = organizations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String orgCode = (String) execution.getVariable(CommitmentProcess.Var.ORG_CODE);
    String phaseId = String.valueOf(execution.getVariable(CommitmentProcess.Var.PHASE_ID));
    commitments.publish(orgCode, phaseId);
    List<Recipient> recipients = new ArrayList<>(notifications.allMembers(orgCode));
    recipients.addAll(notifications.actingForGroup(organizations.leaderGroupOf(orgCode)));
    notifications.notify("published|" + orgCode + "|" + phaseId, recipients, Template.COMMITMENTS_PUBLISHED,
        organizations.get(orgCode).getName());
  }
}
