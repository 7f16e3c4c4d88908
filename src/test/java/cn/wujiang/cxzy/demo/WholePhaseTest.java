package cn.wujiang.cxzy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.Phase;
import cn.wujiang.cxzy.commendation.AwardedTitle;
import cn.wujiang.cxzy.commendation.CommendationRound;
import cn.wujiang.cxzy.commendation.CommendationService;
import cn.wujiang.cxzy.commendation.Quota;
import cn.wujiang.cxzy.commendation.Title;
import cn.wujiang.cxzy.commitment.Commitment;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.evaluation.Evaluation;
import cn.wujiang.cxzy.evaluation.EvaluationService;

/** A complete phase for the demo city, every person's part played by the simulator. */
@DemoCityTest
class WholePhaseTest {

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired PhaseSimulator simulator;
  @Autowired CampaignService campaign;
  @Autowired CommitmentService commitments;
  @Autowired EvaluationService evaluations;
  @Autowired CommendationService commendations;

  @Test
  void aWholePhaseRunsThroughForEveryOrganization() {
    String root = runtimeService.startProcessInstanceByKey("campaignPhase", Map.of("phaseNumber", cn.wujiang.cxzy.campaign.TestPhases.next(),
        "theme", "推动科学发展筑堡垒，建设和谐教育当先锋", "startDate", LocalDate.now().toString(),
        "endDate", LocalDate.now().plusMonths(6).toString())).getId();
    String phaseId = (String) runtimeService.getVariable(root, "phaseId");

    PhaseSimulator.Result result = simulator.simulate(phaseId, 400);

    assertThat(result.phaseEnded()).as(result.toString()).isTrue();
    assertThat(campaign.get(phaseId).getStatus()).isEqualTo(Phase.Status.ENDED);
    List<String> participants = campaign.participants();
    List<HistoricProcessInstance> cycles = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("orgCycle").processInstanceBusinessKeyLike("%:" + phaseId).list();
    assertThat(cycles).hasSize(participants.size()).allMatch(c -> "COMPLETED".equals(c.getState()));
    for (String org : participants) {
      assertThat(commitments.find(org, phaseId)).as(org).get()
          .extracting(Commitment::getStatus).isEqualTo(Commitment.Status.PUBLISHED);
      assertThat(commitments.find(org, phaseId).orElseThrow().getFulfilmentRate()).as(org).isNotNull();
    }
    List<Evaluation> evaluated = evaluations.withResults(phaseId);
    assertThat(evaluated).hasSize(participants.size())
        .allMatch(e -> e.getStatus() == Evaluation.Status.ANNOUNCED);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("leadershipReview")
        .processInstanceBusinessKeyLike("%:" + phaseId + ":%").finished().count())
        .isGreaterThanOrEqualTo(participants.size());
    // This phase's instances, from its root down: other tests share the engine, and their phases' names
    // may begin with this one's.
    Set<String> phaseInstances = historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list()
        .stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    assertThat(phaseInstances).contains(root).hasSizeGreaterThan(participants.size());
    assertThat(taskService.createTaskQuery().list()).filteredOn(t -> phaseInstances.contains(t.getProcessInstanceId()))
        .extracting(Task::getName).isEmpty();
    assertThat(runtimeService.createIncidentQuery().list())
        .filteredOn(incident -> phaseInstances.contains(incident.getProcessInstanceId()))
        .extracting(Incident::getActivityId, Incident::getIncidentMessage).isEmpty();
    assertThat(result.ballots()).isGreaterThan(participants.size() * 10);

    // Every leading body with organizations in the campaign commended within its quotas.
    List<CommendationRound> rounds = commendations.rounds(phaseId);
    assertThat(rounds).hasSize(campaign.commendingBodies().size());
    List<AwardedTitle> awarded = commendations.awarded(phaseId);
    assertThat(awarded).isNotEmpty();
    for (CommendationRound round : rounds) {
      Map<Title, Quota> quotas = commendations.quotas(round);
      Map<Title, Long> given = awarded.stream().filter(a -> a.getRoundId().equals(round.getId()))
          .collect(Collectors.groupingBy(AwardedTitle::getTitle, Collectors.counting()));
      given.forEach((title, count) -> assertThat(count).as(round.getCommitteeCode() + " " + title)
          .isLessThanOrEqualTo(quotas.get(title).getQuota()));
    }
    assertThat(awarded.stream().map(a -> a.getSubject() + a.getTitle()).distinct().count()).isEqualTo(awarded.size());
  }
}
