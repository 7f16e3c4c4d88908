package cn.wujiang.cxzy.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.organization.OrgSystem;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.web.InvalidInputException;

/** Phases of the campaign: started once by the city office, ended when due, early, or cancelled. */
@Service
@Transactional
public class CampaignService {

  private final PhaseRepository phases;
  private final OrganizationService organizations;
  private final CampaignSettings settings;
  private final RuntimeService runtimeService;
  private final Clock clock;

  CampaignService(PhaseRepository phases, OrganizationService organizations, CampaignSettings settings,
      @Lazy RuntimeService runtimeService, Clock clock) {
    this.phases = phases;
    this.organizations = organizations;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Checks and records a new phase; the problems are the start form's, in Chinese. */
  public Phase open(Integer number, String theme, LocalDate start, LocalDate end, String by, List<String> problems) {
    if (number == null || number < 1 || number > 99) {
      problems.add("“时段序号”应为 1 到 99 的整数");
    } else if (phases.existsByNumber(number)) {
      problems.add("第 " + number + " 时段已经开始过，不能重复发起");
    }
    if (theme == null || theme.isBlank()) {
      problems.add("“专题”不能为空");
    } else if (theme.length() > 200) {
      problems.add("“专题”过长，最多 200 字");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add("“结束日期”应晚于“开始日期”");
    }
    if (end != null && end.isBefore(Deadlines.today()) && settings.phaseLength() == null) {
      problems.add("“结束日期”不能早于今天");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Instant now = clock.instant();
    Instant endsAt = settings.phaseLength() != null
        ? now.plus(settings.phaseLength())
        : Deadlines.endOfDay(end).toInstant();
    return phases.save(new Phase(number, theme.strip(), start, end, by, now, endsAt));
  }

  public void attach(String phaseId, String processInstanceId) {
    get(phaseId).attach(processInstanceId);
  }

  @Transactional(readOnly = true)
  public Phase get(String phaseId) {
    return phases.findById(phaseId).orElseThrow(() -> new InvalidInputException("时段“" + phaseId + "”不存在"));
  }

  @Transactional(readOnly = true)
  public Optional<Phase> find(String phaseId) {
    return phaseId == null ? Optional.empty() : phases.findById(phaseId);
  }

  @Transactional(readOnly = true)
  public List<Phase> all() {
    return phases.findAllByOrderByNumber();
  }

  /** The grassroots organizations of the education and health systems: one cycle each. */
  @Transactional(readOnly = true)
  public List<String> participants() {
    List<String> codes = new ArrayList<>();
    for (Organization org : organizations.all()) {
      if (org.isGrassroots() && (org.getSystem() == OrgSystem.EDUCATION || org.getSystem() == OrgSystem.HEALTH)) {
        codes.add(org.getCode());
      }
    }
    return codes;
  }

  /** The leading bodies with at least one participating organization in their scope. */
  @Transactional(readOnly = true)
  public List<String> commendingBodies() {
    Set<String> participants = new HashSet<>(participants());
    return organizations.leadingBodies().stream()
        .filter(body -> organizations.scope(body.getCode()).stream().anyMatch(o -> participants.contains(o.getCode())))
        .map(Organization::getCode)
        .toList();
  }

  /**
   * The phase's fan-out: the participants grouped by their leading body, each body's split into batches
   * of at most the batch size, one bodyCycles instance each (so that no instance holds more sibling
   * executions than that). Each batch is {committeeCode, batch (1, 2, …), orgCodes}, bodies and codes in
   * code order. An organization without a leading body forms a body of its own.
   */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> cycleBatches() {
    List<String> participants = participants();
    Map<String, Organization> bodies = organizations.leadingBodies(participants);
    Map<String, List<String>> byBody = new TreeMap<>();
    for (String code : participants) {
      Organization body = bodies.get(code);
      byBody.computeIfAbsent(body == null ? code : body.getCode(), b -> new ArrayList<>()).add(code);
    }
    int size = settings.cycleBatchSize();
    List<Map<String, Object>> batches = new ArrayList<>();
    byBody.forEach((body, codes) -> {
      codes.sort(null);
      for (int from = 0, batch = 1; from < codes.size(); from += size, batch++) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(BodyCyclesProcess.Var.COMMITTEE_CODE, body);
        entry.put(BodyCyclesProcess.Var.BATCH, batch);
        entry.put(BodyCyclesProcess.Var.ORG_CODES, new ArrayList<>(codes.subList(from, Math.min(codes.size(), from + size))));
        batches.add(entry);
      }
    });
    return batches;
  }

  /** Whether the phase still runs: a cycle whose start comes after the city office's end does not start. */
  @Transactional(readOnly = true)
  public boolean running(String phaseId) {
    return get(phaseId).getStatus() == Phase.Status.RUNNING;
  }

  /**
   * 结束时段: every cycle has stopped; the phase is ended (in its time, or early as the city office
   * asked) or cancelled. Returns whether it was cancelled.
   */
  public boolean closed(String phaseId) {
    return get(phaseId).closed(clock.instant());
  }

  /**
   * The city office ends a phase before its time: the phase shows 结束中 at once, the engine stops the
   * cycles in jobs, one per batch, and commendation follows.
   */
  public void endEarly(String phaseId, String by, String reason) {
    request(phaseId, by, reason, Phase.Status.ENDING);
  }

  /** The city office cancels a phase: 撤销中, every cycle stops in jobs as above, nothing is commended. */
  public void cancel(String phaseId, String by, String reason) {
    request(phaseId, by, reason, Phase.Status.CANCELLING);
  }

  private void request(String phaseId, String by, String reason, Phase.Status status) {
    // Locked: of two requests at the same moment, the second waits and is then refused.
    Phase phase = phases.findLockedById(phaseId)
        .orElseThrow(() -> new InvalidInputException("时段“" + phaseId + "”不存在"));
    if (phase.getStatus() != Phase.Status.RUNNING) {
      throw new InvalidInputException("第 " + phase.getNumber() + " 时段" + phase.getStatus().label() + "，不能再操作");
    }
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw new InvalidInputException("请写明原因（1000 字以内）");
    }
    phase.request(status, by, reason.strip());
    stopCycles(phase);
  }

  /**
   * Asks every running batch of the phase to stop its cycles: an asynchronous message correlation (a
   * batch operation in Cockpit), one job per batch, each stopping at most a batch of cycles in its own
   * transaction. Batches that start later find the phase no longer running and start no cycle.
   */
  private void stopCycles(Phase phase) {
    if (phase.getProcessInstanceId() == null) {
      return;
    }
    List<String> batches = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(phase.getProcessInstanceId())
        .processDefinitionKey(BodyCyclesProcess.KEY)
        .list().stream().map(pi -> pi.getId()).toList();
    if (!batches.isEmpty()) {
      runtimeService.createMessageCorrelationAsync(BodyCyclesProcess.MESSAGE_STOP)
          .processInstanceIds(batches)
          .correlateAllAsync();
    }
  }

  public static String businessKey(String phaseId) {
    return "phase:" + phaseId;
  }

  /** The end of the phase in the application's time. */
  @Transactional(readOnly = true)
  public Instant endsAt(String phaseId) {
    return get(phaseId).getEndsAt();
  }

  ZonedDateTime zoned(Instant instant) {
    return instant.atZone(Deadlines.ZONE);
  }

  CampaignSettings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }
}
