package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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

/** What the history keeps: everything of FULL but the values of a task's own form fields. */
@DemoCityTest
class HistoryLevelTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ProcessEngineConfigurationImpl configuration;

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
    taskService.complete(task.getId());

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder("orgCode", "round");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().count())
        .as("every update of the process variables, none of the form field").isEqualTo(3);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).finished().count())
        .isEqualTo(1);
  }
}
