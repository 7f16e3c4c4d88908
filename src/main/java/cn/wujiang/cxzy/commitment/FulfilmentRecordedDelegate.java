package cn.wujiang.cxzy.commitment;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.OrganizationService;

/** 通知兑现结果: tells the organization its verified fulfilment rate. */
@Component("fulfilmentRecordedDelegate")
class FulfilmentRecordedDelegate implements JavaDelegate {

  private final CommitmentService commitments;
  private final NotificationService notifications;
  private final OrganizationService organizations;

  FulfilmentRecordedDelegate(CommitmentService commitments, NotificationService notifications,
      OrganizationService organizations) {
    this.commitments = commitments;
    this.notifications = notifications;
    this.organizations = organizations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String orgCode = (String) execution.getVariable(CommitmentProcess.Var.ORG_CODE);
    String phaseId = String.valueOf(execution.getVariable(CommitmentProcess.Var.PHASE_ID));
    BigDecimal rate = commitments.find(orgCode, phaseId).map(Commitment::getFulfilmentRate).orElse(BigDecimal.ZERO);
    notifications.notify("fulfilment|" + orgCode + "|" + phaseId, notifications.actingFor(orgCode),
        Template.FULFILMENT_VERIFIED, organizations.get(orgCode).getName(),
        rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
  }
}
