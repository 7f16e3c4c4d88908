package cn.wujiang.cxzy.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.task.Task;

/** What the simulated people enter in each task form: plausible, varied, and always acceptable. */
final class SimulatedAnswers {

  private static final String[] ITEMS = {
      "每位党员结对帮扶两名困难群众", "党员每学期开设一节示范课或业务讲座", "开展“党员先锋岗”亮牌服务",
      "组织一次志愿服务进社区活动", "落实首问负责和限时办结", "每月开展一次主题党日活动"};
  private static final String[] RATINGS = {"EXCELLENT", "EXCELLENT", "GOOD", "GOOD", "GOOD", "FAIR"};

  private SimulatedAnswers() {
  }

  static void register(Map<String, BiFunction<Task, Random, Map<String, Object>>> answers, PhaseSimulator sim) {
    answers.put("Task_DraftCommitments", (task, random) -> {
      List<String> items = new ArrayList<>();
      int count = 3 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        items.add(ITEMS[(i + random.nextInt(ITEMS.length)) % ITEMS.length] + (i > 0 ? "（" + (i + 1) + "）" : ""));
      }
      Map<String, Object> values = new HashMap<>();
      values.put("guidance", "围绕本时段专题，把创先争优与本单位中心工作结合起来，做到组织有目标、党员有承诺、群众有评价。");
      values.put("phaseGoals", "党员人人有承诺、个个有行动，群众满意度明显提升。");
      values.put("commitmentItems", String.join("\n", items));
      values.put("standardOrg", "对照“五个好”：班子团结、队伍过硬、机制健全、业绩突出、群众满意。");
      values.put("standardMember", "对照“五带头”：学习提高、争创佳绩、服务群众、遵纪守法、弘扬正气。");
      values.put("carriers", List.of());
      return values;
    });
    answers.put("Task_ApproveCommitments", (task, random) -> Map.of("decision", "approve", "comment", "同意公开。"));
    answers.put("Task_ClaimCommitments", (task, random) -> claim(sim, task, random));
    answers.put("Task_ReviseMemberCommitment", (task, random) -> claim(sim, task, random));
    answers.put("Task_ConfirmMemberCommitments", (task, random) -> Map.of("decision", "approve"));
    answers.put("Task_ReportFulfilment", (task, random) -> {
      Map<String, Object> values = new HashMap<>();
      Map<String, Object> local = sim.variables(task);
      for (int i = 1; i <= 12; i++) {
        if (local.get("item_" + i) != null) {
          int r = random.nextInt(10);
          values.put("status_" + i, r < 7 ? "已兑现" : r < 9 ? "部分兑现" : "未兑现");
          values.put("account_" + i, "按计划推进，群众反映良好。");
        }
      }
      return values;
    });
    answers.put("Task_VerifyFulfilment", (task, random) -> Map.of("decision", "approve", "comment", "情况属实。"));
    answers.put("Task_ReviewOrganization", (task, random) -> review(random, false));
    answers.put("Task_ReviewMember", (task, random) -> review(random, true));
    answers.put("Task_RectifyOrganization", (task, random) -> Map.of("rectificationReport", "已按要求整改到位。"));
    answers.put("Task_RectifyMember", (task, random) -> Map.of("rectificationReport", "已按要求整改到位。"));
    answers.put("Task_VerifyOrgRectification", (task, random) -> Map.of("decision", "accept"));
    answers.put("Task_VerifyMemberRectification", (task, random) -> Map.of("decision", "accept"));
    answers.put("Task_RecordInspection", (task, random) -> Map.of("findings", "活动有部署、有台账，承诺已上墙公示。", "result",
        random.nextInt(4) == 0 ? "基本到位" : "到位"));
    answers.put("Task_ImproveWithinDeadline", (task, random) -> Map.of("report", "已按督查意见完成改进。"));
    answers.put("Task_VerifyImprovement", (task, random) -> Map.of("decision", "approve"));
    answers.put("Task_RunEvaluation", (task, random) -> Map.of("usePaper", "none"));
    answers.put("Task_EnterPaperTallies", (task, random) -> Map.of());
    answers.put("Task_ConfirmResults", (task, random) -> Map.of("decision", "confirm"));
    answers.put("Task_NominateMembers", (task, random) -> {
      Map<String, Object> local = sim.variables(task);
      String member = first(local.get("memberOptions"));
      String title = first(local.get("titleOptions"));
      if (member == null || title == null) {
        return Map.of("decision", "none", "reason", "本组织暂无符合条件的党员。");
      }
      return Map.of("decision", "nominate", "nominee_1", member, "title_1", title,
          "deeds_1", "扎根岗位二十年，带头兑现承诺，群众评议满意率高，事迹感人。");
    });
    answers.put("Task_SelectNominations", (task, random) -> {
      Map<String, Object> local = sim.variables(task);
      List<String> orgs = new ArrayList<>();
      List<String> nominations = new ArrayList<>();
      String org = first(local.get("orgOptions"));
      String nomination = first(local.get("nominationOptions"));
      if (org != null) {
        orgs.add(org);
      }
      if (nomination != null) {
        nominations.add(nomination);
      }
      return Map.of("selectedOrgs", orgs, "selectedNominations", nominations,
          "reason", "依据组织考核和群众评议结果综合评定。");
    });
    answers.put("Task_CoApproveNomination", (task, random) -> Map.of("decision", "approve", "comment", "同意推荐。"));
    answers.put("Task_ApproveNomination", (task, random) -> Map.of("decision", "approve", "comment", "同意表彰。"));
    answers.put("Task_ReviseNomination", (task, random) -> Map.of("decision", "withdraw", "comment", "撤回推荐。"));
  }

  /** The value of the first option of a select's options, or null. */
  private static String first(Object options) {
    if (options instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> option) {
      return String.valueOf(option.get("value"));
    }
    return null;
  }

  private static Map<String, Object> claim(PhaseSimulator sim, Task task, Random random) {
    Object options = sim.variables(task).get("itemOptions");
    List<String> seqs = new ArrayList<>();
    if (options instanceof List<?> list) {
      for (Object option : list) {
        if (option instanceof Map<?, ?> map && (seqs.isEmpty() || random.nextBoolean())) {
          seqs.add(String.valueOf(map.get("value")));
        }
      }
    }
    return Map.of("claimedItems", seqs, "personalCommitment", "立足岗位，带头践行承诺，每月至少为群众办一件实事。");
  }

  private static Map<String, Object> review(Random random, boolean member) {
    Map<String, Object> values = new HashMap<>();
    List<String> keys = member
        ? List.of("ratingLearning", "ratingAchievement", "ratingService", "ratingLawAbiding", "ratingIntegrity")
        : List.of("ratingLeadership", "ratingMembership", "ratingMechanism", "ratingPerformance", "ratingPublicFeedback");
    for (String key : keys) {
      values.put(key, RATINGS[random.nextInt(RATINGS.length)]);
    }
    values.put("reviewForm", member ? "DEMOCRATIC_APPRAISAL" : "ORGANIZATION_LIFE");
    values.put("rectificationRequired", "false");
    if (member) {
      values.put("comments", "履职尽责，承诺兑现较好。");
    } else {
      values.put("achievements", "活动部署扎实，承诺兑现率高。");
      values.put("problems", "群众参与面有待扩大。");
      values.put("wayForward", "进一步丰富活动载体，扩大群众参与。");
    }
    values.put("rectificationDue", LocalDate.now().plusDays(30).toString());
    return values;
  }
}
