package cn.wujiang.cxzy.organization;

import java.util.List;

/** What an import saved; credentials hold the initial passwords of the logins it created. */
public record ImportResult(int created, int updated, List<MemberAccounts.Credential> credentials) {

  public String message() {
    String text = "导入成功：新增 " + created + " 条，更新 " + updated + " 条";
    return credentials.isEmpty() ? text : text + "；新建账号 " + credentials.size() + " 个，请将初始密码当面交给本人";
  }
}
