package cn.wujiang.cxzy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's floors are what its report says they are: the trivial one a row of bare user tasks,
 * the shaped ones with a reminder and a deadline timer on every task, eight shown values on every task,
 * and worked by a person whose authorization is checked.
 */
class FloorModelsTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:floor-models;DB_CLOSE_DELAY=-1")
        .setAuthorizationEnabled(true)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .setProcessEngineName("floor-models")
        .buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theTrivialFloorIsARowOfBareTasks() {
    String instance = start(PhaseBenchmark.Floor.TRIVIAL, "floorTrivialTest");
    TaskService tasks = engine.getTaskService();
    for (int i = 1; i <= 3; i++) {
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_" + i);
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).count()).isZero();
      assertThat(tasks.getVariablesLocal(task.getId())).isEmpty();
      tasks.claim(task.getId(), "robot");
      tasks.complete(task.getId());
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void theShapedFloorsTasksHaveTwoTimersAndEightShownValuesAndAPersonWorksThem() {
    IdentityService identity = engine.getIdentityService();
    PhaseBenchmark.member(identity, "floorRobot", "floorRobots", "基准测试执行组");
    String instance = start(PhaseBenchmark.Floor.PERSON, "floorPersonTest");
    TaskService tasks = engine.getTaskService();
    for (int i = 1; i <= 3; i++) {
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_" + i);
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).timers().list())
          .extracting(j -> j.getDuedate().getTime() > System.currentTimeMillis() + 13L * 24 * 3600 * 1000)
          .containsExactly(true, true);
      assertThat(tasks.getVariablesLocal(task.getId())).hasSize(FloorShownValues.COUNT);

      // Without the robots' group the person may not claim; with it, claim and complete.
      identity.setAuthentication("floorRobot", List.of());
      assertThatThrownBy(() -> tasks.claim(task.getId(), "floorRobot")).isInstanceOf(AuthorizationException.class);
      identity.clearAuthentication();
      identity.setAuthentication("floorRobot", PhaseBenchmark.groups(identity, "floorRobot"));
      try {
        tasks.claim(task.getId(), "floorRobot");
        tasks.complete(task.getId());
      } finally {
        identity.clearAuthentication();
      }
    }
    RuntimeService runtime = engine.getRuntimeService();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    assertThat(runtime.createVariableInstanceQuery().count()).isZero();
  }

  private String start(PhaseBenchmark.Floor floor, String key) {
    engine.getRepositoryService().createDeployment()
        .addModelInstance(key + ".bpmn", floor.model(key, 3, "floorRobots")).deploy();
    return engine.getRuntimeService().startProcessInstanceByKey(key).getId();
  }
}
