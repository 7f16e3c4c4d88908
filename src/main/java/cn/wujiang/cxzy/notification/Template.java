package cn.wujiang.cxzy.notification;

import java.text.MessageFormat;

/**
 * The notices the application sends, in Chinese. Arguments: {0} the recipient's name, {1} the
 * organization, then what each notice names.
 */
public enum Template {

  TASK_REMINDER("待办提醒：{2}", "{0}同志：\n{1}的任务“{2}”尚未办理，将于 {3} 到期，请及时登录创先争优活动管理系统办理。"),
  TASK_ESCALATION("督办：{1}的任务“{2}”已逾期", "{0}同志：\n{1}的任务“{2}”已于 {3} 到期仍未办理（当前办理：{4}），请督促办理。"),
  COMMITMENTS_RETURNED_REPEATEDLY("{1}的承诺已连续退回 {2} 次", "{0}同志：\n{1}在本时段的公开承诺已被上级连续退回 {2} 次，最近一次退回意见：{3}。请关注并指导。"),
  COMMITMENTS_PUBLISHED("{1}的承诺已公开", "{0}同志：\n{1}在本时段的公开承诺已经上级审核并向群众公开，请对照承诺事项抓好落实。公开承诺可在“承诺公示”页面查看。"),
  RECTIFICATION_ORDERED("整改通知：{1}", "{0}同志：\n上级在领导点评中要求{2}整改，整改期限 {3}。问题：{4}"),
  RECTIFICATION_OVERDUE("整改逾期：{2}", "{0}同志：\n{2}的整改已于 {3} 到期仍未通过验收，请督促整改。"),
  FULFILMENT_VERIFIED("{1}的承诺兑现情况已核实", "{0}同志：\n{1}在本时段的承诺兑现情况已经上级核实，兑现率 {2}。"),
  INSPECTION_CRITICIZED("督查通报：{1}创先争优活动落实不到位", "{0}同志：\n随机督查发现{1}开展创先争优活动落实不到位：{2}\n请于 {3} 前完成限期改进，并在系统中报告改进情况。"),
  IMPROVEMENT_OVERDUE("限期改进逾期：{1}", "{0}同志：\n{1}的限期改进已于 {2} 到期仍未通过验收，督查发现的问题：{3}。请督促落实。"),
  EVALUATION_OPENED("{1}的群众评议已开始", "{0}同志：\n{1}的{2}年度群众评议已开始，已生成评议码 {3} 个，评议于 {4} 截止。请在待办任务“组织评议”中打开评议码打印页，打印后分发给参加评议的党员和群众，每人一个；评议码只在评议期内可以查看。"),
  EVALUATION_ANNOUNCED("{1}的群众评议结果", "{0}同志：\n{1}的{2}年度群众评议结果已经上级党组织确认：等次 {3}，群众满意率 {4}，有效评议票 {5} 张。{6}"),
  EVALUATION_CIRCULATED("群众评议结果通报：{1}", "{0}同志：\n现将{1}{2}年度群众评议结果在{3}范围内通报：等次 {4}，群众满意率 {5}，有效评议票 {6} 张。"),
  COMMENDATION_NO_CANDIDATES("{1}评选表彰：没有符合条件的对象", "{0}同志：\n{1}所属基层党组织和党员在{2}没有符合评选表彰条件的对象（群众评议结果尚未确认，或评定为不可参加评先评优），本时段的评选表彰到此结束。"),
  NOMINATION_JOINT_REJECTED("会签未通过：{2}（{3}）", "{0}同志：\n{1}推荐的{2}（{3}）未获{4}会签同意，理由：{5}。该推荐已终止。"),
  COMMENDATION_AWARDED("表彰通知：{2}获“{3}”称号", "{0}同志：\n经{4}评选推荐、市委创先争优活动领导小组办公室审批，{2}（{1}）在{5}被授予“{3}”称号，特此通知。表彰名单已在“表彰公示”页面公布。"),
  COMMENDATION_ANNOUNCED("{1}评选表彰结果", "{0}同志：\n{1}在{2}的评选表彰已经完成，授予称号 {3} 项：{4}。表彰名单已在“表彰公示”页面公布。");

  private final String subject;
  private final String body;

  Template(String subject, String body) {
    this.subject = subject;
    this.body = body;
  }

  String subject(Object... args) {
    return new MessageFormat(subject, java.util.Locale.CHINA).format(args);
  }

  String body(Object... args) {
    return new MessageFormat(body, java.util.Locale.CHINA).format(args);
  }
}
