package cn.wujiang.cxzy.process;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a person entered in a task form is not acceptable. The task stays open, nothing is saved, and
 * Tasklist shows the message. A bad request (HTTP 400 through the REST API), not an engine failure.
 */
public class InvalidFormException extends FormFieldValidationException {

  public InvalidFormException(List<String> problems) {
    super(List.copyOf(problems), "请修改后再提交：" + String.join("；", problems));
  }
}
