package cn.wujiang.cxzy.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a person enters in each task form, as the body of {@code POST /task/{id}/submit-form}: the same
 * valid answers as the demo's simulator (cn.wujiang.cxzy.demo.SimulatedAnswers), taken from what the
 * form shows ({@code GET /task/{id}/form-variables}) where it offers choices.
 */
final class Answers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] ITEMS = {
      "每位党员结对帮扶两名困难群众", "党员每学期开设一节示范课或业务讲座", "开展“党员先锋岗”亮牌服务",
      "组织一次志愿服务进社区活动", "落实首问负责和限时办结", "每月开展一次主题党日活动"};
  private static final String[] RATINGS = {"EXCELLENT", "EXCELLENT", "GOOD", "GOOD", "GOOD", "FAIR"};

  /** The steps this harness knows how to answer; a person leaves other tasks alone. */
  static final Set<String> KNOWN = Set.of("Task_DraftCommitments", "Task_ApproveCommitments",
      "Task_ClaimCommitments", "Task_ReviseMemberCommitment", "Task_ConfirmMemberCommitments",
      "Task_VerifyFulfilment", "Task_ReviewOrganization", "Task_ReviewMember", "Task_RectifyOrganization",
      "Task_RectifyMember", "Task_VerifyOrgRectification", "Task_VerifyMemberRectification",
      "Task_RecordInspection", "Task_ImproveWithinDeadline", "Task_VerifyImprovement");

  private Answers() {
  }

  /** The submit-form body for a task of this step, given the form's variables (JSON of form-variables). */
  static String body(String taskKey, String formVariables) {
    Map<String, Object> values = values(taskKey, parse(formVariables));
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      if (value instanceof List<?> list) {
        variable.put("value", write(list));
        variable.put("type", "Json");
      } else {
        variable.put("value", String.valueOf(value));
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return write(body);
  }

  private static Map<String, Object> values(String taskKey, JsonNode form) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Map<String, Object> values = new LinkedHashMap<>();
    switch (taskKey) {
      case "Task_DraftCommitments" -> {
        List<String> items = new ArrayList<>();
        int count = 3 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          items.add(ITEMS[(i + random.nextInt(ITEMS.length)) % ITEMS.length] + (i > 0 ? "（" + (i + 1) + "）" : ""));
        }
        values.put("guidance", "围绕本时段专题，把创先争优与本单位中心工作结合起来，做到组织有目标、党员有承诺、群众有评价。");
        values.put("phaseGoals", "党员人人有承诺、个个有行动，群众满意度明显提升。");
        values.put("commitmentItems", String.join("\n", items));
        values.put("standardOrg", "对照“五个好”：班子团结、队伍过硬、机制健全、业绩突出、群众满意。");
        values.put("standardMember", "对照“五带头”：学习提高、争创佳绩、服务群众、遵纪守法、弘扬正气。");
        values.put("carriers", List.of());
      }
      case "Task_ApproveCommitments" -> {
        values.put("decision", "approve");
        values.put("comment", "同意公开。");
      }
      case "Task_ClaimCommitments", "Task_ReviseMemberCommitment" -> {
        List<String> seqs = new ArrayList<>();
        for (JsonNode option : options(form, "itemOptions")) {
          if (seqs.isEmpty() || random.nextBoolean()) {
            seqs.add(option.path("value").asText());
          }
        }
        values.put("claimedItems", seqs);
        values.put("personalCommitment", "立足岗位，带头践行承诺，每月至少为群众办一件实事。");
      }
      case "Task_ConfirmMemberCommitments", "Task_VerifyImprovement" -> values.put("decision", "approve");
      case "Task_VerifyFulfilment" -> {
        values.put("decision", "approve");
        values.put("comment", "情况属实。");
      }
      case "Task_ReviewOrganization", "Task_ReviewMember" -> review(values, "Task_ReviewMember".equals(taskKey));
      case "Task_RectifyOrganization", "Task_RectifyMember" -> values.put("rectificationReport", "已按要求整改到位。");
      case "Task_VerifyOrgRectification", "Task_VerifyMemberRectification" -> values.put("decision", "accept");
      case "Task_RecordInspection" -> {
        values.put("findings", "活动有部署、有台账，承诺已上墙公示。");
        values.put("result", random.nextInt(4) == 0 ? "基本到位" : "到位");
      }
      case "Task_ImproveWithinDeadline" -> values.put("report", "已按督查意见完成改进。");
      default -> throw new IllegalArgumentException("no answer for " + taskKey);
    }
    return values;
  }

  private static void review(Map<String, Object> values, boolean member) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
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
  }

  /** The options of a select the form shows: a Json variable comes as its text, an object as itself. */
  private static List<JsonNode> options(JsonNode form, String name) {
    JsonNode value = form.path(name).path("value");
    if (value.isTextual()) {
      value = parse(value.asText());
    }
    List<JsonNode> options = new ArrayList<>();
    if (value instanceof ArrayNode array) {
      array.forEach(options::add);
    }
    return options;
  }

  static JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
