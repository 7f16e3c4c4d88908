package cn.wujiang.cxzy.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * How a task form's data stays out of the process: when a task is created, the form fields with
 * something to show become task-local variables; what a person submits lands on the task
 * ({@link SubmittedFormValues}), is checked and saved to our tables by the task's listener, and
 * disappears with the task. Only decisions (approved or not) become process variables.
 */
public final class TaskForms {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private TaskForms() {
  }

  /** The longest text the engine keeps in a string variable (a column of 4,000 characters). */
  static final int MAX_TEXT = 4000;
  static final String CUT_NOTE = "\n……（内容较多，以上为前一部分；完整内容见下方表格或导出表）";

  /**
   * Makes the known values task-local variables, for the form to show. The keys with no value get no
   * variable: what is submitted for them lands on the task as it is ({@link SubmittedFormValues}).
   *
   * <p>The names at the top of a form (organization, phase) are the same on every member's task of a
   * step, yet stay on each task rather than once on the process instance: Tasklist's list shows them
   * (filter columns 组织, 时段), and it shows a person only the variables they may read, those of their
   * task, not those of the process instance.
   */
  public static void prepare(DelegateTask task, Map<String, ?> values) {
    Map<String, Object> shown = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        shown.put(k, fit(v));
      }
    });
    task.setVariablesLocal(shown);
  }

  /**
   * A text shown on a form that is longer than a string variable can hold (a leading body with many
   * organizations lists them all) is cut at a line break, with a note saying so.
   */
  static Object fit(Object value) {
    if (!(value instanceof String text) || text.length() <= MAX_TEXT) {
      return value;
    }
    int room = MAX_TEXT - CUT_NOTE.length();
    int cut = text.lastIndexOf('\n', room);
    return text.substring(0, cut > 0 ? cut : room) + CUT_NOTE;
  }

  /**
   * The value of a checklist field: Tasklist sends a checklist back with the type of the variable it
   * was given, so it must start as a JSON array (an empty or null variable could never be submitted).
   */
  public static org.camunda.bpm.engine.variable.value.TypedValue checklist(Collection<String> checked) {
    return org.camunda.spin.plugin.variable.SpinValues
        .jsonValue(org.camunda.spin.Spin.JSON(checked == null ? List.of() : List.copyOf(checked))).create();
  }

  /** What was submitted for a key: the task's own value, or one set on the process by an API call. */
  public static Object value(DelegateTask task, String key) {
    Object value = task.getVariableLocal(key);
    return value != null ? value : task.getExecution().getVariable(key);
  }

  /**
   * Removes form values that an API call (completing the task with variables instead of submitting its
   * form) put on the process instead of the task.
   */
  public static void clean(DelegateTask task, Collection<String> keys) {
    DelegateExecution instance = task.getExecution().getProcessInstance();
    for (String key : keys) {
      if (instance.hasVariableLocal(key)) {
        instance.removeVariableLocal(key);
      }
    }
  }

  /**
   * The execution that holds a variable itself: in a multi-instance subprocess, the instance's own
   * scope (a task with boundary events runs in a scope of its own, which ends with the task), where a
   * decision must be kept for the gateway after the task.
   */
  public static DelegateExecution scopeHolding(DelegateTask task, String variable) {
    org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity execution =
        (org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) task.getExecution();
    while (execution != null && !execution.hasVariableLocal(variable)) {
      execution = execution.getParent();
    }
    if (execution == null) {
      throw new IllegalStateException("no execution of task " + task.getId() + " holds " + variable);
    }
    return execution;
  }

  /** Collects the problems of one submission; {@link #check()} refuses it with all of them. */
  public static final class Check {
    private final DelegateTask task;
    private final List<String> problems = new ArrayList<>();

    public Check(DelegateTask task) {
      this.task = task;
    }

    public String text(String key, String label, boolean required, int maxLength) {
      Object value = value(task, key);
      String text = value == null ? "" : value.toString().trim();
      if (text.isEmpty()) {
        if (required) {
          problems.add("“" + label + "”不能为空");
        }
        return null;
      }
      if (text.length() > maxLength) {
        problems.add("“" + label + "”过长（" + text.length() + " 字），最多 " + maxLength + " 字");
        return null;
      }
      return text;
    }

    public Boolean bool(String key, String label, boolean required) {
      Object value = value(task, key);
      if (value instanceof Boolean b) {
        return b;
      }
      if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
        return Boolean.valueOf(s);
      }
      if (required) {
        problems.add("请选择“" + label + "”");
      }
      return null;
    }

    public String choice(String key, String label, Collection<String> allowed, boolean required) {
      Object value = value(task, key);
      String text = value == null ? "" : value.toString().trim();
      if (text.isEmpty()) {
        if (required) {
          problems.add("请选择“" + label + "”");
        }
        return null;
      }
      if (!allowed.contains(text)) {
        problems.add("“" + label + "”的选项“" + text + "”无效");
        return null;
      }
      return text;
    }

      public List<String> choices(String key, String label, Collection<String> allowed, boolean required) {
      Object value = value(task, key);
      List<String> result = new ArrayList<>();
      if (value instanceof Collection<?> c) {
        c.forEach(v -> result.add(String.valueOf(v)));
      } else if (value != null && !value.toString().isBlank()) {
        // Tasklist submits a checklist as a JSON array (a Spin Json value).
        String text = value.toString().trim();
        try {
          List<?> list = text.startsWith("[") ? JSON.readValue(text, List.class) : List.of(text);
          list.forEach(v -> result.add(String.valueOf(v)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          problems.add("“" + label + "”格式不正确");
        }
      }
      if (result.isEmpty() && required) {
        problems.add("请至少选择一项“" + label + "”");
      }
      for (String v : result) {
        if (!allowed.contains(v)) {
          problems.add("“" + label + "”的选项“" + v + "”无效");
        }
      }
      return result;
    }

    /** A date entered as yyyy-MM-dd (or a Date); in the future when future is true. */
    public LocalDate date(String key, String label, boolean required, boolean future) {
      Object value = value(task, key);
      if (value == null || value.toString().isBlank()) {
        if (required) {
          problems.add("“" + label + "”不能为空");
        }
        return null;
      }
      LocalDate date;
      try {
        date = value instanceof Date d
            ? d.toInstant().atZone(Deadlines.ZONE).toLocalDate()
            : LocalDate.parse(value.toString().trim().substring(0, Math.min(10, value.toString().trim().length())));
      } catch (DateTimeParseException e) {
        problems.add("“" + label + "”不是有效日期（应为 年-月-日）");
        return null;
      }
      if (future && date.isBefore(Deadlines.today())) {
        problems.add("“" + label + "”不能早于今天");
        return null;
      }
      return date;
    }

    public void problem(String message) {
      problems.add(message);
    }

    public void check() {
      if (!problems.isEmpty()) {
        throw new InvalidFormException(problems);
      }
    }
  }
}
