package cn.wujiang.cxzy.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.wujiang.cxzy.identity.CurrentUser;

/**
 * Phases through the API: the same start as the start form in Tasklist, and the city office's early
 * end or cancellation with a reason, accepted at once (202, 结束中 / 撤销中) while the engine stops the
 * cycles in jobs.
 */
@RestController
@RequestMapping("/api/phases")
class PhaseController {

  private final CampaignService campaign;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;

  PhaseController(CampaignService campaign, RuntimeService runtimeService, CurrentUser currentUser) {
    this.campaign = campaign;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
  }

  record PhaseView(String id, int number, String theme, String label, LocalDate startDate, LocalDate endDate,
      String status, String statusLabel, Instant startedAt, Instant endsAt, String endReason) {
    static PhaseView of(Phase p) {
      return new PhaseView(p.getId(), p.getNumber(), p.getTheme(), p.label(), p.getStartDate(), p.getEndDate(),
          p.getStatus().name(), p.getStatus().label(), p.getStartedAt(), p.getEndsAt(), p.getEndReason());
    }
  }

  record StartRequest(Integer phaseNumber, String theme, String startDate, String endDate) {
  }

  record Reason(String reason) {
  }

  @GetMapping
  List<PhaseView> phases() {
    currentUser.userId();
    return campaign.all().stream().map(PhaseView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PhaseView start(@RequestBody StartRequest request) {
    currentUser.requireCityOffice();
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignProcess.Field.NUMBER, request.phaseNumber());
    variables.put(CampaignProcess.Field.THEME, request.theme());
    variables.put(CampaignProcess.Field.START_DATE, request.startDate());
    variables.put(CampaignProcess.Field.END_DATE, request.endDate());
    String instanceId = runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, variables).getId();
    String phaseId = (String) runtimeService.getVariable(instanceId, CampaignProcess.Var.PHASE_ID);
    return PhaseView.of(campaign.get(phaseId));
  }

  @PostMapping("/{phaseId}/end")
  ResponseEntity<?> end(@PathVariable String phaseId, @RequestBody(required = false) Reason reason) {
    currentUser.requireCityOffice();
    String by = currentUser.userId();
    return stop(phaseId, () -> campaign.endEarly(phaseId, by, reason == null ? null : reason.reason()));
  }

  @PostMapping("/{phaseId}/cancel")
  ResponseEntity<?> cancel(@PathVariable String phaseId, @RequestBody(required = false) Reason reason) {
    currentUser.requireCityOffice();
    String by = currentUser.userId();
    return stop(phaseId, () -> campaign.cancel(phaseId, by, reason == null ? null : reason.reason()));
  }

  /** 202 with the phase as it now stands (结束中 / 撤销中); 404 for a phase that does not exist. */
  private ResponseEntity<?> stop(String phaseId, Runnable request) {
    UnknownPhaseException.requireExisting(campaign, phaseId);
    // The checks above are the application's; the batch operation that stops the cycles is the engine's own.
    currentUser.asSystem(() -> {
      request.run();
      return null;
    });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(PhaseView.of(campaign.get(phaseId)));
  }
}
