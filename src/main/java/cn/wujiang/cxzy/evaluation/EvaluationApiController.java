package cn.wujiang.cxzy.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.UnknownPhaseException;
import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.web.InvalidInputException;

/**
 * The evaluation's API: the city office starts a year's evaluations; a leading body exports the results
 * of the organizations it leads or guides (its visible scope), the city office those of all.
 */
@RestController
class EvaluationApiController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Pattern PHASE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final EvaluationStarter starter;
  private final EvaluationService evaluations;
  private final ResultsExport export;
  private final OrganizationService organizations;
  private final CurrentUser currentUser;
  private final CampaignService campaign;

  EvaluationApiController(EvaluationStarter starter, EvaluationService evaluations, ResultsExport export,
      OrganizationService organizations, CurrentUser currentUser, CampaignService campaign) {
    this.campaign = campaign;
    this.starter = starter;
    this.evaluations = evaluations;
    this.export = export;
    this.organizations = organizations;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/phases/{phaseId}/evaluations/{year}")
  Map<String, Object> start(@PathVariable String phaseId, @PathVariable int year) {
    currentUser.requireCityOffice();
    if (!PHASE.matcher(phaseId).matches()) {
      throw new InvalidInputException("时段编号只能由英文字母、数字和 . _ - 组成，最长 64 位");
    }
    UnknownPhaseException.requireExisting(campaign, phaseId);
    if (year < 2000 || year > 2100) {
      throw new InvalidInputException("年度应在 2000 到 2100 之间");
    }
    List<String> started = currentUser.asSystem(() -> starter.startForAll(phaseId, year));
    return Map.of("message", "已为 " + started.size() + " 个基层党组织启动 " + year + " 年度群众评议", "started", started);
  }

  @GetMapping("/api/evaluations/{phaseId}/results.xlsx")
  ResponseEntity<byte[]> results(@PathVariable String phaseId) {
    currentUser.userId();
    UnknownPhaseException.requireExisting(campaign, phaseId);
    Set<String> scope = scope();
    List<Evaluation> list = evaluations.withResults(phaseId).stream()
        .filter(e -> scope == null || scope.contains(e.getOrgCode())).toList();
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("群众评议结果-" + phaseId + ".xlsx", StandardCharsets.UTF_8).build().toString())
        .body(export.workbook(list));
  }

  /** The organizations whose results the caller may export; null for all (the city office). */
  private Set<String> scope() {
    currentUser.userId();
    if (currentUser.isCityOffice()) {
      return null;
    }
    List<Organization> bodies = organizations.bodiesOf(currentUser.groups());
    if (bodies.isEmpty()) {
      throw new CurrentUser.AccessDeniedException("只有上级党组织和市委创先争优活动领导小组办公室可以导出群众评议结果");
    }
    return organizations.visibleCodes(bodies);
  }
}
