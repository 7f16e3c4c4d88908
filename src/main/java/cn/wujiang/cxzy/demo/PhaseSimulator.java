package cn.wujiang.cxzy.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.Phase;
import cn.wujiang.cxzy.evaluation.BallotService;
import cn.wujiang.cxzy.evaluation.EvaluationKey;
import cn.wujiang.cxzy.evaluation.EvaluationService;
import cn.wujiang.cxzy.evaluation.MemberRating;
import cn.wujiang.cxzy.evaluation.Satisfaction;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.review.Criterion;

/**
 * Plays the people's parts of a phase with plausible Chinese content, so that a newcomer sees a whole
 * phase in minutes: every open task of the phase is completed by someone who may (a secretary for its
 * organization's tasks, the member for a member's own task), ballots are cast with the organizations'
 * codes, pending jobs run, and when nothing is left to do the next cadence timer (the next review, the
 * next evaluation, the close of a ballot window) is brought forward. Demo profile only.
 */
@Service
public class PhaseSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(PhaseSimulator.class);
  /** Timers that move a phase on; deadline reminders and spot checks are left alone. */
  private static final Set<String> CADENCE_TIMERS = Set.of("Timer_NextReview", "Timer_NextEvaluation",
      "Timer_WindowCloses");
  /** Cadence timers due this close together fire in one round. */
  private static final java.time.Duration TIMER_BATCH = java.time.Duration.ofMinutes(10);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final FormService formService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final CampaignService campaign;
  private final OrganizationService organizations;
  private final EvaluationService evaluations;
  private final BallotService ballots;
  private final Map<String, BiFunction<Task, Random, Map<String, Object>>> answers = new HashMap<>();
  /** Clashes of the current run (one run at a time: the simulation is a demo tool). */
  private final java.util.concurrent.atomic.AtomicInteger clashes = new java.util.concurrent.atomic.AtomicInteger();

  PhaseSimulator(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
      FormService formService, ManagementService managementService, IdentityService identityService,
      CampaignService campaign, OrganizationService organizations, EvaluationService evaluations,
      BallotService ballots) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.formService = formService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.campaign = campaign;
    this.organizations = organizations;
    this.evaluations = evaluations;
    this.ballots = ballots;
    SimulatedAnswers.register(answers, this);
  }

  /**
   * What a run did, and where its time went (milliseconds; the rest is finding the open work). A clash is a
   * task completion or a job that lost a race with someone else's change of the same process (after the
   * engine's own retries), or a task another person had claimed first: counted, not hidden.
   */
  public record Result(String phaseId, boolean phaseEnded, int tasks, int jobs, int ballots, int timers, int rounds,
      long millis, long taskMillis, long jobMillis, long ballotMillis, int clashes) {
  }

  /** Runs the phase until it ends or nothing moves any more, casting most of each organization's codes. */
  public Result simulate(String phaseId, int maxRounds) {
    return simulate(phaseId, maxRounds, null);
  }

  /**
   * Runs the phase until it ends or nothing moves any more.
   *
   * @param ballotsPerOrganization ballots cast per organization and evaluation (at most its codes);
   *     null for seven in ten of its codes
   */
  public Result simulate(String phaseId, int maxRounds, Integer ballotsPerOrganization) {
    long started = System.currentTimeMillis();
    long taskNanos = 0;
    long jobNanos = 0;
    long ballotNanos = 0;
    Phase phase = campaign.get(phaseId);
    String root = phase.getProcessInstanceId();
    Random random = new Random(phaseId.hashCode());
    int tasks = 0;
    int jobs = 0;
    int cast = 0;
    int timers = 0;
    int round = 0;
    clashes.set(0);
    while (round++ < maxRounds && !ended(root)) {
      long t = System.nanoTime();
      int moved = runJobs(root);
      jobNanos += System.nanoTime() - t;
      jobs += moved;
      int done = 0;
      for (Task task : openTasks(root)) {
        if ("Task_RunEvaluation".equals(task.getTaskDefinitionKey())) {
          t = System.nanoTime();
          cast += castBallots(task, random, ballotsPerOrganization);
          ballotNanos += System.nanoTime() - t;
        }
        t = System.nanoTime();
        done += complete(task, random) ? 1 : 0;
        taskNanos += System.nanoTime() - t;
      }
      tasks += done;
      if (moved == 0 && done == 0) {
        int fired = bringForwardNextTimers(root);
        if (fired == 0) {
          break;
        }
        timers += fired;
      }
    }
    long t = System.nanoTime();
    jobs += runJobs(root);
    jobNanos += System.nanoTime() - t;
    Result result = new Result(phaseId, ended(root), tasks, jobs, cast, timers, round,
        System.currentTimeMillis() - started, taskNanos / 1_000_000, jobNanos / 1_000_000, ballotNanos / 1_000_000,
        clashes.get());
    LOG.info("Simulated phase {}: {}", phaseId, result);
    return result;
  }

  private boolean ended(String root) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(root).count() == 0;
  }

  private List<String> instances(String root) {
    return historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).unfinished().list()
        .stream().map(HistoricProcessInstance::getId).toList();
  }

  private List<Task> openTasks(String root) {
    List<String> ids = instances(root);
    return ids.isEmpty() ? List.of()
        : taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).active()
            .orderByTaskCreateTime().asc().list();
  }

  /** Runs the jobs that are due now (asynchronous continuations), as the job executor would. */
  private int runJobs(String root) {
    int count = 0;
    for (int pass = 0; pass < 50; pass++) {
      List<String> ids = instances(root);
      if (ids.isEmpty()) {
        return count;
      }
      List<Job> due = managementService.createJobQuery().processInstanceIds(Set.copyOf(ids)).executable()
          .messages().list();
      if (due.isEmpty()) {
        return count;
      }
      for (Job job : due) {
        try {
          managementService.executeJob(job.getId());
          count++;
        } catch (OptimisticLockingException e) {
          // The job executor ran it, or another job of the process, at the same moment.
          clash("job " + job.getId(), e);
        } catch (RuntimeException e) {
          // In a running application the job executor may be running the same job; it goes on there.
          LOG.warn("Simulated job {} not run: {}", job.getId(), e.getMessage());
        }
      }
    }
    return count;
  }

  /**
   * Brings the earliest cadence timer of the phase forward to now, with every other cadence timer due
   * within {@link #TIMER_BATCH} of it: the organizations' cycles started moments apart, so their next
   * reviews and evaluations fall due together, as they would.
   */
  private int bringForwardNextTimers(String root) {
    List<String> ids = instances(root);
    if (ids.isEmpty()) {
      return 0;
    }
    Set<String> cadence = managementService.createJobDefinitionQuery()
        .activityIdIn(CADENCE_TIMERS.toArray(String[]::new)).list().stream()
        .map(org.camunda.bpm.engine.management.JobDefinition::getId).collect(Collectors.toSet());
    List<Job> due = managementService.createJobQuery().processInstanceIds(Set.copyOf(ids)).timers().list().stream()
        .filter(j -> cadence.contains(j.getJobDefinitionId()))
        .sorted(Comparator.comparing(Job::getDuedate))
        .toList();
    if (due.isEmpty()) {
      return 0;
    }
    long until = due.get(0).getDuedate().getTime() + TIMER_BATCH.toMillis();
    int fired = 0;
    for (Job next : due) {
      if (next.getDuedate().getTime() > until) {
        break;
      }
      try {
        managementService.executeJob(next.getId());
      } catch (RuntimeException e) {
        LOG.warn("Timer {} not brought forward: {}", next.getId(), e.getMessage());
      }
      fired++;
    }
    return fired;
  }

  private boolean complete(Task task, Random random) {
    BiFunction<Task, Random, Map<String, Object>> answer = answers.get(task.getTaskDefinitionKey());
    if (answer == null) {
      LOG.warn("No simulated answer for task {}", task.getTaskDefinitionKey());
      return false;
    }
    String user = actor(task);
    try {
      identityService.setAuthentication(user, groupsOf(user));
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      formService.submitTaskForm(task.getId(), answer.apply(task, random));
      return true;
    } catch (OptimisticLockingException | org.camunda.bpm.engine.TaskAlreadyClaimedException e) {
      clash("task " + task.getName() + " (" + task.getId() + ")", e);
      return false;
    } catch (RuntimeException e) {
      LOG.warn("Simulated task {} ({}) not completed: {}", task.getName(), task.getId(), e.getMessage());
      return false;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void clash(String what, RuntimeException e) {
    clashes.incrementAndGet();
    LOG.warn("Simulated {} clashed with another change: {}", what, e.getMessage());
  }

  /** Who works a task: its assignee, else the secretary of its candidate group's organization. */
  private String actor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
        String org = OrganizationService.CITY_OFFICE_GROUP.equals(link.getGroupId())
            ? organizations.cityOffice().map(o -> o.getCode()).orElse(null) : link.getGroupId();
        for (Member member : organizations.members(org)) {
          if (member.getUsername() != null && member.getRole().actsForOrganization()) {
            return member.getUsername();
          }
        }
      }
    }
    return "admin";
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  /** Casts ballots with the organization's codes: mostly satisfied, some not, a few abstentions. */
  private int castBallots(Task task, Random random, Integer ballotsPerOrganization) {
    String org = (String) taskService.getVariable(task.getId(), "orgCode");
    String phase = String.valueOf(taskService.getVariable(task.getId(), "phaseId"));
    Object year = taskService.getVariable(task.getId(), "year");
    EvaluationKey key = new EvaluationKey(org, phase, year instanceof Number n ? n.intValue() : LocalDate.now().getYear());
    List<String> codes = evaluations.sheet(evaluations.get(key));
    List<Member> members = organizations.members(org);
    int cast = 0;
    int ballotCount = ballotsPerOrganization == null ? (int) Math.ceil(codes.size() * 0.7)
        : Math.min(codes.size(), ballotsPerOrganization);
    for (String code : codes.subList(0, ballotCount)) {
      Map<Criterion, Satisfaction> criteria = new LinkedHashMap<>();
      for (Criterion criterion : Criterion.of(false)) {
        int r = random.nextInt(100);
        criteria.put(criterion, r < 75 ? Satisfaction.SATISFIED : r < 92 ? Satisfaction.BASICALLY_SATISFIED
            : r < 97 ? Satisfaction.UNKNOWN : Satisfaction.DISSATISFIED);
      }
      Map<String, MemberRating> ratings = new LinkedHashMap<>();
      for (Member member : members) {
        int r = random.nextInt(100);
        ratings.put(member.getMemberNo(), r < 35 ? MemberRating.EXCELLENT : r < 90 ? MemberRating.QUALIFIED
            : r < 97 ? MemberRating.BASICALLY_QUALIFIED : MemberRating.UNQUALIFIED);
      }
      String opinion = random.nextInt(10) == 0 ? "希望多开展家访和义诊，服务再贴近群众一些。" : "";
      if (ballots.cast(code, new BallotService.Submission(criteria, ratings, opinion)) == BallotService.CodeStatus.VALID) {
        cast++;
      }
    }
    return cast;
  }

  OrganizationService organizations() {
    return organizations;
  }

  TaskService taskService() {
    return taskService;
  }

  Map<String, Object> variables(Task task) {
    return taskService.getVariablesLocal(task.getId());
  }

  static List<String> lines(Object text) {
    return text == null ? List.of() : List.of(text.toString().split("\\R")).stream().filter(s -> !s.isBlank())
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
