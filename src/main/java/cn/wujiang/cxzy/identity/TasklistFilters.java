package cn.wujiang.cxzy.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters everyone sees, in Chinese: 我的待办, 本组织待办, 已逾期; and the authorizations,
 * brought to what this version grants. Created once, on start.
 */
@Component
@Order(10)
class TasklistFilters implements ApplicationRunner {

  static final String MINE = "我的待办";
  static final String ORGANIZATION = "本组织待办";
  static final String OVERDUE = "已逾期";

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final IdentitySync identitySync;

  TasklistFilters(FilterService filterService, TaskService taskService, IdentityService identityService,
      IdentitySync identitySync) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.identitySync = identitySync;
  }

  @Override
  public void run(ApplicationArguments args) {
    SystemAuthentication.run(identityService, () -> {
      identitySync.resync();
      ensure(MINE, -10, "分配给我本人的任务",
          taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
      ensure(ORGANIZATION, -5, "我所在组织（党组织、党委）的任务，含已被同事认领的",
          taskService.createTaskQuery().taskCandidateGroupInExpression("${" + FilterFunctions.GROUPS_FUNCTION + "()}")
              .includeAssignedTasks());
      ensure(OVERDUE, 0, "已过截止日期仍未完成的任务",
          taskService.createTaskQuery()
              .or().taskAssigneeExpression("${currentUser()}")
              .taskCandidateGroupInExpression("${" + FilterFunctions.GROUPS_FUNCTION + "()}").endOr()
              .dueBeforeExpression("${now()}"));
      return null;
    });
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "priority", priority,
        "description", description,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "orgName", "label", "组织"),
            Map.of("name", "phaseName", "label", "时段"))));
    filterService.saveFilter(filter);
    identitySync.grant(Authorization.ANY, null, Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
