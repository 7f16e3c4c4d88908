package cn.wujiang.cxzy.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The benchmark floor's stand-in for a form's shown values: when a task is created it gets eight
 * task-local text variables, about as many as a task of the campaign gets for the names and texts its
 * form shows, and they go with the task. Nothing else: no reads, no checks, no domain writes.
 */
public class FloorShownValues implements TaskListener {

  static final int COUNT = 8;

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 1; i <= COUNT; i++) {
      values.put("shown" + i, "基准组织第" + i + "项：" + task.getProcessInstanceId());
    }
    task.setVariablesLocal(values);
  }
}
