package cn.wujiang.cxzy.commendation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.notification.NotificationService;
import cn.wujiang.cxzy.notification.Recipient;
import cn.wujiang.cxzy.notification.Template;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** The notices of a commendation: nobody eligible, a nomination stopped at 会签, the titles awarded. */
final class CommendationNotices {

  private CommendationNotices() {
  }

  static String committee(DelegateExecution execution) {
    return (String) execution.getVariable(CommendationProcess.Var.COMMITTEE_CODE);
  }

  static String phaseId(DelegateExecution execution) {
    return String.valueOf(execution.getVariable(CommendationProcess.Var.PHASE_ID));
  }

  static String phaseName(DelegateExecution execution, CommendationService commendations) {
    Object name = execution.getVariable(CommendationProcess.Var.PHASE_NAME);
    return name != null ? name.toString() : commendations.phaseLabel(phaseId(execution));
  }

  /** 通知无符合条件对象: tells the committee that nobody in its scope can be commended this phase. */
  @Component("noCandidatesDelegate")
  static class NoCandidates implements JavaDelegate {
    private final CommendationService commendations;
    private final NotificationService notifications;
    private final OrganizationService organizations;

    NoCandidates(CommendationService commendations, NotificationService notifications,
        OrganizationService organizations) {
      this.commendations = commendations;
      this.notifications = notifications;
      this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String committee = committee(execution);
      notifications.notify("commendation-none|" + committee + "|" + phaseId(execution),
          notifications.actingFor(committee), Template.COMMENDATION_NO_CANDIDATES,
          organizations.get(committee).getName(), phaseName(execution, commendations));
    }
  }

  /** 通知会签未通过: tells the committee which body did not agree to its nomination, and why. */
  @Component("jointRejectionDelegate")
  static class JointRejection implements JavaDelegate {
    private final CommendationService commendations;
    private final NotificationService notifications;
    private final OrganizationService organizations;

    JointRejection(CommendationService commendations, NotificationService notifications,
        OrganizationService organizations) {
      this.commendations = commendations;
      this.notifications = notifications;
      this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Long id = Long.valueOf(String.valueOf(execution.getVariable(CommendationProcess.Var.NOMINATION_ID)));
      Nomination nomination = commendations.nomination(id);
      String committee = committee(execution);
      NominationDecision rejection = commendations.decisions(id).stream()
          .filter(d -> d.getStage() == NominationDecision.Stage.CO_APPROVE
              && d.getOutcome() == NominationDecision.Outcome.REJECTED)
          .reduce((a, b) -> b).orElseThrow();
      notifications.notify("joint-rejected|" + id, notifications.actingFor(committee),
          Template.NOMINATION_JOINT_REJECTED, organizations.get(committee).getName(), nomineeName(nomination),
          nomination.getTitle().label(), organizations.get(rejection.getBodyCode()).getName(), rejection.getReason());
    }

    private String nomineeName(Nomination n) {
      return n.isMember() ? commendations.memberName(n.getMemberNo()) : commendations.orgName(n.getOrgCode());
    }
  }

  /**
   * 表彰: records the titles of the approved nominations (which the public board then shows), tells each
   * winner and the winner's organization, and tells the committee and the bodies that co-approved.
   */
  @Component("commendDelegate")
  static class Commend implements JavaDelegate {
    private final CommendationService commendations;
    private final NotificationService notifications;
    private final OrganizationService organizations;

    Commend(CommendationService commendations, NotificationService notifications, OrganizationService organizations) {
      this.commendations = commendations;
      this.notifications = notifications;
      this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String committee = committee(execution);
      String phaseId = phaseId(execution);
      String phaseName = phaseName(execution, commendations);
      String committeeName = organizations.get(committee).getName();
      commendations.commend(committee, phaseId);
      List<AwardedTitle> awarded = commendations.awarded(phaseId).stream()
          .filter(t -> t.getCommitteeCode().equals(committee)).toList();
      Set<String> bodies = new LinkedHashSet<>();
      bodies.add(committee);
      List<String> lines = new ArrayList<>();
      for (AwardedTitle title : awarded) {
        Organization org = organizations.get(title.getOrgCode());
        String winner = title.isMember() ? commendations.memberName(title.getMemberNo()) : org.getName();
        String where = title.isMember() ? org.getName() : (org.getUnitName() == null ? org.getName() : org.getUnitName());
        List<Recipient> recipients = new ArrayList<>(notifications.actingFor(org.getCode()));
        if (title.isMember()) {
          recipients.addAll(0, notifications.member(title.getMemberNo()));
        }
        notifications.notify("commended|" + title.getNominationId(), recipients, Template.COMMENDATION_AWARDED,
            where, winner, title.getTitle().label(), committeeName, phaseName);
        lines.add(winner + "（" + title.getTitle().label() + "）");
        bodies.addAll(commendations.coApprovers(title.getNominationId()));
      }
      List<Recipient> committees = bodies.stream().flatMap(b -> notifications.actingFor(b).stream())
          .collect(Collectors.toList());
      notifications.notify("commendation-announced|" + committee + "|" + phaseId, committees,
          Template.COMMENDATION_ANNOUNCED, committeeName, phaseName, awarded.size(),
          lines.isEmpty() ? "无" : String.join("、", lines));
    }
  }
}
