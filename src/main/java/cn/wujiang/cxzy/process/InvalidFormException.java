package cn.wujiang.cxzy.process;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What a person entered in a task form is not acceptable. The task stays open, nothing is saved, and
 * Tasklist shows the message.
 */
public class InvalidFormException extends ProcessEngineException {

  public InvalidFormException(List<String> problems) {
    super("请修改后再提交：" + String.join("；", problems));
  }
}
