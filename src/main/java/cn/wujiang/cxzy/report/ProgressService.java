package cn.wujiang.cxzy.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Where the campaign stands in a phase: for each leading body, how many of its organizations are at
 * each step, and which tasks are overdue and whose they are. The engine's view stays in Cockpit.
 */
@Service
public class ProgressService {

  /** The steps of a cycle, in order, with the process that runs each. */
  public static final Map<String, String> STEPS = new LinkedHashMap<>();

  static {
    STEPS.put("publicCommitment", "公开承诺");
    STEPS.put("leadershipReview", "领导点评");
    STEPS.put("massEvaluation", "群众评议");
    STEPS.put("commitmentFulfilment", "承诺兑现");
  }

  static final String WAITING = "等待下一环节";
  static final String DONE = "本时段已完成";
  static final String NOT_STARTED = "未开始";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final OrganizationService organizations;
  private final Clock clock;

  ProgressService(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
      OrganizationService organizations, Clock clock) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.organizations = organizations;
    this.clock = clock;
  }

  /** One leading body's line: organizations per step. */
  public record BodyProgress(Organization body, Map<String, Integer> counts, int total) {
  }

  /** An overdue task and who holds it. */
  public record OverdueTask(String body, String organization, String task, Date due, String holder) {
  }

  public record Progress(List<String> columns, List<BodyProgress> bodies, List<OverdueTask> overdue) {
  }

  /** The progress of the bodies the viewer may watch (the city office: all). */
  public Progress progress(String phaseId, List<Organization> bodies) {
    Map<String, String> stepOf = stepByOrganization(phaseId);
    Set<String> cycleRunning = runtimeService.createProcessInstanceQuery().processDefinitionKey("orgCycle")
        .processInstanceBusinessKeyLike("%:" + phaseId).list().stream()
        .map(pi -> orgOf(pi.getBusinessKey())).collect(Collectors.toSet());
    Set<String> cycleCompleted = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("orgCycle")
        .completed().processInstanceBusinessKeyLike("%:" + phaseId).list().stream()
        .map(h -> orgOf(h.getBusinessKey())).collect(Collectors.toSet());
    List<String> columns = new ArrayList<>(STEPS.values());
    columns.add(WAITING);
    columns.add(DONE);
    columns.add(NOT_STARTED);

    List<BodyProgress> lines = new ArrayList<>();
    Map<String, String> bodyOfOrg = new HashMap<>();
    for (Organization body : bodies) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      columns.forEach(c -> counts.put(c, 0));
      List<Organization> scope = organizations.scope(body.getCode());
      for (Organization org : scope) {
        bodyOfOrg.putIfAbsent(org.getCode(), body.getName());
        String step = stepOf.get(org.getCode());
        if (step == null) {
          step = cycleRunning.contains(org.getCode()) ? WAITING
              : cycleCompleted.contains(org.getCode()) ? DONE : NOT_STARTED;
        }
        counts.merge(step, 1, Integer::sum);
      }
      lines.add(new BodyProgress(body, counts, scope.size()));
    }
    return new Progress(columns, lines, overdue(phaseId, bodyOfOrg));
  }

  /** The step each organization is at: the running step process with its business key in this phase. */
  private Map<String, String> stepByOrganization(String phaseId) {
    Map<String, String> result = new HashMap<>();
    for (Map.Entry<String, String> step : STEPS.entrySet()) {
      List<ProcessInstance> running = new ArrayList<>(runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(step.getKey()).processInstanceBusinessKeyLike("%:" + phaseId).list());
      running.addAll(runtimeService.createProcessInstanceQuery().processDefinitionKey(step.getKey())
          .processInstanceBusinessKeyLike("%:" + phaseId + ":%").list());
      for (ProcessInstance pi : running) {
        result.put(orgOf(pi.getBusinessKey()), step.getValue());
      }
    }
    return result;
  }

  private List<OverdueTask> overdue(String phaseId, Map<String, String> bodyOfOrg) {
    Date now = Date.from(clock.instant());
    List<Task> tasks = taskService.createTaskQuery().active().dueBefore(now).orderByDueDate().asc().listPage(0, 500);
    if (tasks.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> keys = runtimeService.createProcessInstanceQuery()
        .processInstanceIds(instanceIds).list().stream()
        .filter(pi -> pi.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    List<OverdueTask> result = new ArrayList<>();
    for (Task task : tasks) {
      String key = keys.get(task.getProcessInstanceId());
      if (key == null || !(key.endsWith(":" + phaseId) || key.contains(":" + phaseId + ":"))) {
        continue;
      }
      String org = orgOf(key);
      if (!bodyOfOrg.containsKey(org)) {
        continue;
      }
      result.add(new OverdueTask(bodyOfOrg.get(org), organizations.find(org).map(Organization::getName).orElse(org),
          task.getName(), task.getDueDate(), holder(task)));
    }
    return result;
  }

  private String holder(Task task) {
    if (task.getAssignee() != null) {
      return organizations.memberByUsername(task.getAssignee()).map(Member::getName).orElse(task.getAssignee());
    }
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .map(g -> OrganizationService.CITY_OFFICE_GROUP.equals(g) ? "市委办"
            : organizations.find(g).map(Organization::getName).orElse(g))
        .collect(Collectors.joining("、"));
  }

  static String orgOf(String businessKey) {
    int colon = businessKey.indexOf(':');
    return colon < 0 ? businessKey : businessKey.substring(0, colon);
  }
}
