package cn.wujiang.cxzy.web;

/** Bad input from a person: the message, in Chinese, says what to correct. */
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message);
  }
}
