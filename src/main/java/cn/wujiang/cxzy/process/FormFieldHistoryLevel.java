package cn.wujiang.cxzy.process;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level FULL, without the history of form fields, of the engine's multi-instance counters and
 * of timers that never fire. A form's fields live as variables of its task only while the task is open
 * ({@link TaskForms}), and what a person decided is stored in our own tables with who and when; the
 * counters (loopCounter, nrOfInstances, nrOfActiveInstances, nrOfCompletedInstances) change on every
 * completion of a task per member. Keeping every value of both in ACT_HI_VARINST and ACT_HI_DETAIL as
 * well was most of the history rows written per task (docs/performance.md). Every task has a reminder
 * and a deadline timer, and most tasks are done before either is due: the job log got a row when each
 * timer was created and another when it was deleted with its task, four rows a task that say nothing
 * the task's own history does not. A timer that fires is logged as it runs, succeeding or failing.
 * Process variables, activities, tasks, jobs that run, incidents, operations and decisions keep their
 * full history.
 *
 * <p>The level has the id of FULL, so a database created with FULL and one created with this level are
 * the same to the engine.
 */
public final class FormFieldHistoryLevel extends HistoryLevelFull {

  public static final String NAME = "full-without-form-fields";

  private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

  /** A timer's job log rows that are written whether or not it ever fires. */
  private static final Set<HistoryEventType> TIMER_UNFIRED_EVENTS = Set.of(HistoryEventTypes.JOB_CREATE,
      HistoryEventTypes.JOB_DELETE);

  /** The variables the engine keeps on a multi-instance activity. */
  private static final Set<String> COUNTERS = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (HistoryEventTypes.FORM_PROPERTY_UPDATE.equals(eventType)) {
      return false;
    }
    if (entity != null && VARIABLE_EVENTS.contains(eventType) && (taskLocal(entity) || counter(entity))) {
      return false;
    }
    if (entity instanceof TimerEntity && TIMER_UNFIRED_EVENTS.contains(eventType)) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }

  private static boolean taskLocal(Object entity) {
    if (entity instanceof VariableInstanceEntity variable) {
      return variable.getTaskId() != null;
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return update.getTaskId() != null;
    }
    return false;
  }

  private static boolean counter(Object entity) {
    if (entity instanceof VariableInstanceEntity variable) {
      return COUNTERS.contains(variable.getName());
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return COUNTERS.contains(update.getVariableName());
    }
    return false;
  }
}
