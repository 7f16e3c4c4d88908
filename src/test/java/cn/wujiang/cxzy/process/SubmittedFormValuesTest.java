package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * A submitted form's values land on its task: a shown field is updated, an empty one is read by the
 * complete listener and never stored, and the process gets none of them.
 */
@DemoCityTest
class SubmittedFormValuesTest {

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

  /** What the complete listener saw; it refuses a 意见 of "不同意" as a form check would. */
  public static class Listener implements TaskListener {
    static final Map<String, Object> SEEN = new HashMap<>();

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        TaskForms.prepare(task, Map.of("orgName", "吴江市实验小学党支部"));
        return;
      }
      SEEN.put("orgName", task.getVariableLocal("orgName"));
      SEEN.put("opinion", task.getVariableLocal("opinion"));
      SEEN.put("transient", task.getVariableLocalTyped("opinion").isTransient());
      if ("不同意".equals(task.getVariableLocal("opinion"))) {
        throw new InvalidFormException(List.of("“意见”不能为不同意"));
      }
    }
  }

  @BeforeEach
  void deploy() {
    Listener.SEEN.clear();
    repositoryService.createDeployment().addModelInstance("submittedFormValues.bpmn",
        Bpmn.createExecutableProcess("submittedFormValues").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Fill").camundaCandidateGroups("city-office")
            .camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE, Listener.class)
            .camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, Listener.class)
            .userTask("Task_Next").camundaCandidateGroups("city-office").endEvent().done()).deploy();
  }

  @Test
  void anEmptyFieldIsReadByTheListenerAndNeverStoredAShownOneIsUpdated() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("submittedFormValues", Map.of("orgCode", "edu-syxx"));
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(taskService.getVariablesLocal(task.getId())).containsOnlyKeys("orgName");

    formService.submitTaskForm(task.getId(), Map.of("orgName", "改过的名称", "opinion", "同意"));

    assertThat(Listener.SEEN).containsEntry("orgName", "改过的名称").containsEntry("opinion", "同意")
        .containsEntry("transient", true);
    assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("orgCode");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(v -> v.getName()).containsOnly("orgCode");
  }

  @Test
  void aRefusedSubmissionLeavesTheTaskAsItWas() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("submittedFormValues", Map.of("orgCode", "edu-syxx"));
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();

    assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), Map.of("orgName", "改过的名称", "opinion", "不同意")))
        .isInstanceOf(InvalidFormException.class).hasMessageContaining("“意见”不能为不同意");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(taskService.getVariablesLocal(task.getId())).containsOnly(Map.entry("orgName", "吴江市实验小学党支部"));
    assertThat(runtimeService.getVariables(pi.getId())).containsOnlyKeys("orgCode");
  }
}
