package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * What the history keeps: everything of FULL but the values of form fields, the multi-instance
 * counters, and the creation and deletion of timers.
 */
@DemoCityTest
class HistoryLevelTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ProcessEngineConfigurationImpl configuration;
  @Autowired
  ManagementService managementService;

  @Test
  void processVariablesKeepTheirHistoryTaskFormFieldsDoNot() {
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(FormFieldHistoryLevel.NAME);
    assertThat(configuration.getHistoryLevel().getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    repositoryService.createDeployment().addModelInstance("historyLevelTest.bpmn",
        Bpmn.createExecutableProcess("historyLevelTest").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Fill").camundaCandidateGroups("city-office").endEvent().done()).deploy();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("historyLevelTest", Map.of("orgCode", "edu-syxx"));
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.setVariablesLocal(task.getId(), Map.of("findings", "草稿"));
    taskService.setVariablesLocal(task.getId(), Map.of("findings", "定稿"));
    runtimeService.setVariable(pi.getId(), "round", 1);
    runtimeService.setVariable(pi.getId(), "round", 2);
    formService.submitTaskForm(task.getId(), Map.of("findings", "已整改", "round", 3));

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder("orgCode", "round");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().count())
        .as("every update of the process variables, none of the form field").isEqualTo(3);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("round").singleResult().getValue())
        .as("a submitted value stays on the task, even where the process has a variable of that name").isEqualTo(2);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).formFields().count())
        .as("no submitted form field").isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).finished().count())
        .isEqualTo(1);
  }

  @Test
  void theCountersOfAMultiInstanceTaskKeepNoHistory() {
    repositoryService.createDeployment().addModelInstance("historyLevelLoop.bpmn",
        Bpmn.createExecutableProcess("historyLevelLoop").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_PerMember").camundaCandidateGroups("city-office")
            .multiInstance().camundaCollection("${members}").camundaElementVariable("memberNo").multiInstanceDone()
            .endEvent().done()).deploy();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("historyLevelLoop",
        Map.of("members", java.util.List.of("M1", "M2", "M3")));
    taskService.createTaskQuery().processInstanceId(pi.getId()).list().forEach(t -> taskService.complete(t.getId()));

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(HistoricVariableInstance::getName).containsOnly("members", "memberNo");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_PerMember").count()).isEqualTo(3);
  }

  @Test
  void aTimerIsLoggedWhenItFiresNotWhenItIsSetOrDropped() {
    repositoryService.createDeployment().addModelInstance("historyLevelTimer.bpmn",
        Bpmn.createExecutableProcess("historyLevelTimer").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Due").camundaCandidateGroups("city-office")
            .boundaryEvent("Timer_Reminder").cancelActivity(false).timerWithDuration("PT1H")
            .endEvent("End_Reminded").moveToActivity("Task_Due").endEvent().done()).deploy();

    ProcessInstance done = runtimeService.startProcessInstanceByKey("historyLevelTimer");
    assertThat(managementService.createJobQuery().processInstanceId(done.getId()).count()).isEqualTo(1);
    taskService.complete(taskService.createTaskQuery().processInstanceId(done.getId()).singleResult().getId());
    assertThat(managementService.createJobQuery().processInstanceId(done.getId()).count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(done.getId()).count())
        .as("a timer dropped with its task leaves no job log").isZero();

    ProcessInstance late = runtimeService.startProcessInstanceByKey("historyLevelTimer");
    managementService.executeJob(managementService.createJobQuery().processInstanceId(late.getId())
        .singleResult().getId());
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(late.getId()).list())
        .as("a timer that fires is logged as it runs").singleElement()
        .satisfies(log -> {
          assertThat(log.isSuccessLog()).isTrue();
          assertThat(log.getActivityId()).isEqualTo("Timer_Reminder");
        });
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(late.getId())
        .activityId("End_Reminded").finished().count()).isEqualTo(1);
  }
}
