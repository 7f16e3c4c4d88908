package cn.wujiang.cxzy.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Two engine-wide rules of this application:
 * <ul>
 * <li>a refused form reaches Tasklist as our Chinese message (HTTP 400), not wrapped in the engine's
 * English "exception while invoking the TaskListener";</li>
 * <li>a deadline timer on a task marks, on the path it starts, which task fell due, so that a reminder
 * or an escalation names that task and no other.</li>
 * </ul>
 */
@Component
class ProcessEnginePlugins extends AbstractProcessEnginePlugin {

  /** The activity a fired deadline timer is attached to; read by {@link TaskDeadlineNotices}. */
  static final String DEADLINE_ACTIVITY = "deadlineActivity";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new UnwrapInvalidForm());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
          ActivityImpl timerActivity) {
        ActivityImpl attachedTo = (ActivityImpl) timerActivity.getEventScope();
        if (attachedTo == null) {
          return;
        }
        // A multi-instance body carries the id of its inner activity plus a suffix.
        String taskKey = attachedTo.getId().replace("#multiInstanceBody", "");
        ExecutionListener mark = execution -> execution.setVariableLocal(DEADLINE_ACTIVITY, taskKey);
        timerActivity.addListener(ExecutionListener.EVENTNAME_START, mark);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
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
