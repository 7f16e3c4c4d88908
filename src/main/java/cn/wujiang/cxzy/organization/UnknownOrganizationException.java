package cn.wujiang.cxzy.organization;

/** A code that names no organization. */
public class UnknownOrganizationException extends RuntimeException {

  public UnknownOrganizationException(String code) {
    super("组织编码“" + code + "”不存在");
  }
}
