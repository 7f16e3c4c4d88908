package cn.wujiang.cxzy.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Where a submitted task form's values go: onto the task itself, never onto the process. A value for a
 * field the task already shows (a task-local variable set when it was created) updates that variable;
 * every other value becomes a transient variable of the task, read by the task's complete listener in
 * the same transaction and never written to the database. So a form's empty fields cost no rows, and
 * the engine's default of putting unknown values on the process instance (where parallel tasks of the
 * same instance would contend for them) does not apply.
 */
final class SubmittedFormValues implements TaskFormHandler {

  private final TaskFormHandler delegate;

  SubmittedFormValues(TaskFormHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
      ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
    delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
  }

  @Override
  public TaskFormData createTaskForm(TaskEntity task) {
    return delegate.createTaskForm(task);
  }

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope scope) {
    if (!(scope instanceof TaskEntity task)) {
      delegate.submitFormVariables(properties, scope);
      return;
    }
    for (String name : properties.keySet()) {
      TypedValue value = properties.getValueTyped(name);
      boolean shown = task.hasVariableLocal(name) && !task.getVariableLocalTyped(name).isTransient();
      task.setVariableLocal(name, shown ? value : transientCopy(value));
    }
  }

  /** The value as a transient one: kept in memory for this transaction, never written. */
  static TypedValue transientCopy(TypedValue value) {
    if (value == null) {
      return Variables.untypedNullValue(true);
    }
    // An untyped value (a plain Java object given to the API) is copied; a typed one is marked.
    return value instanceof UntypedValueImpl ? Variables.untypedValue(value.getValue(), true)
        : Variables.untypedValue(value, true);
  }
}
