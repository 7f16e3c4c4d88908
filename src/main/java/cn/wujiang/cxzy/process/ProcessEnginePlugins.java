package cn.wujiang.cxzy.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Engine-wide rules of this application:
 * <ul>
 * <li>a command that clashed with another transaction is run again ({@link RetryOnConcurrentUpdate});</li>
 * <li>a refused form reaches Tasklist as our Chinese message (HTTP 400), not wrapped in the engine's
 * English "exception while invoking the TaskListener";</li>
 * <li>a submitted task form's values stay on the task ({@link SubmittedFormValues});</li>
 * <li>a deadline timer on a task marks, on the path it starts, which task fell due, so that a reminder
 * or an escalation names that task and no other;</li>
 * <li>a job that keeps failing raises an incident with a Chinese message, and a job that ends with
 * retries left is not looked up for one;</li>
 * <li>the history level {@link FormFieldHistoryLevel} is known (camunda.bpm.history-level);</li>
 * <li>authorization checks take a person's few groups as they are ({@link AuthorizedGroups}), and the
 * engine's tables have the indexes its frequent lookups need ({@link EngineIndexes}).</li>
 * </ul>
 */
@Component
class ProcessEnginePlugins extends AbstractProcessEnginePlugin {

  /** The activity a fired deadline timer is attached to; read by {@link TaskDeadlineNotices}. */
  static final String DEADLINE_ACTIVITY = "deadlineActivity";

  private final RetryOnConcurrentUpdate retryOnConcurrentUpdate;

  ProcessEnginePlugins(RetryOnConcurrentUpdate retryOnConcurrentUpdate) {
    this.retryOnConcurrentUpdate = retryOnConcurrentUpdate;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new UnwrapInvalidForm());
    // Outside the transaction: each attempt gets a transaction of its own.
    interceptors.add(1, retryOnConcurrentUpdate);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          TaskDefinition definition = behavior.getTaskDefinition();
          definition.setTaskFormHandler(new SubmittedFormValues(definition.getTaskFormHandler()));
        }
      }

      @Override
      public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
          ActivityImpl timerActivity) {
        ActivityImpl attachedTo = (ActivityImpl) timerActivity.getEventScope();
        if (attachedTo == null) {
          return;
        }
        String taskKey = deadlineTaskKey(attachedTo);
        ExecutionListener mark = execution -> execution.setVariableLocal(DEADLINE_ACTIVITY, taskKey);
        timerActivity.addListener(ExecutionListener.EVENTNAME_START, mark);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);

    List<org.camunda.bpm.engine.impl.incident.IncidentHandler> handlers =
        configuration.getCustomIncidentHandlers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new FailedJobIncidentHandler());
    configuration.setCustomIncidentHandlers(handlers);

    List<org.camunda.bpm.engine.impl.history.HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new FormFieldHistoryLevel());
    configuration.setCustomHistoryLevels(levels);
    // No revoke authorizations are ever granted here: skip the engine's per-command query for them.
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    sessionFactories.add(new AuthorizedGroups.Factory());
    configuration.setCustomSessionFactories(sessionFactories);
  }

  /**
   * The task whose deadline a timer watches: the activity it is attached to or, where that is a subprocess
   * around a single user task (a multi-instance whose instances end in jobs), that task.
   */
  static String deadlineTaskKey(ActivityImpl attachedTo) {
    // A multi-instance body carries the id of its inner activity plus a suffix.
    String id = attachedTo.getId().replace("#multiInstanceBody", "");
    ActivityImpl inner = id.equals(attachedTo.getId()) ? attachedTo : attachedTo.findActivity(id);
    if (inner != null) {
      List<ActivityImpl> tasks = inner.getActivities().stream()
          .filter(a -> a.getActivityBehavior() instanceof UserTaskActivityBehavior).toList();
      if (tasks.size() == 1) {
        return tasks.get(0).getId();
      }
    }
    return id;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    EngineIndexes.create(processEngine.getProcessEngineConfiguration().getDataSource());
  }

  /**
   * A job that failed after all its retries raises an incident whose message a leader reads in Cockpit:
   * in Chinese, saying what happened and what to do, with the technical cause after it.
   */
  static final class FailedJobIncidentHandler extends org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler {
    FailedJobIncidentHandler() {
      super(org.camunda.bpm.engine.runtime.Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public org.camunda.bpm.engine.runtime.Incident handleIncident(
        org.camunda.bpm.engine.impl.incident.IncidentContext context, String message) {
      return super.handleIncident(context, chinese(message));
    }

    /**
     * The engine raises a failed-job incident when a job's retries reach 0 and resolves it when they rise
     * again, so a job deleted with retries left (a timer dropped with its task, a job done) has none: the
     * engine's lookup of its incidents is skipped for it. A job not at hand is looked up as before.
     */
    @Override
    public void resolveIncident(org.camunda.bpm.engine.impl.incident.IncidentContext context) {
      if (mayHaveIncident(context)) {
        super.resolveIncident(context);
      }
    }

    @Override
    public void deleteIncident(org.camunda.bpm.engine.impl.incident.IncidentContext context) {
      if (mayHaveIncident(context)) {
        super.deleteIncident(context);
      }
    }

    static boolean mayHaveIncident(org.camunda.bpm.engine.impl.incident.IncidentContext context) {
      CommandContext commandContext = Context.getCommandContext();
      if (commandContext == null || context.getConfiguration() == null) {
        return true;
      }
      JobEntity job = commandContext.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
      return job == null || job.getRetries() <= 0;
    }

    static String chinese(String message) {
      String text = "自动执行失败，重试次数已用完。请排除原因后在流程监控中重试该作业。原因："
          + (message == null ? "未知" : message);
      return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
  }

  /** Rethrows a form refusal found in the cause chain as itself. */
  static final class UnwrapInvalidForm extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof InvalidFormException invalid) {
            throw invalid;
          }
          if (t.getCause() == t) {
            break;
          }
        }
        throw e;
      }
    }
  }
}
