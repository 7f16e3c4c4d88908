package cn.wujiang.cxzy.commendation;

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
 * The commendation's API: the city office starts the commendations of a phase; a leading body exports
 * the commendation list and the nominations of the organizations it leads or guides (its visible
 * scope), the city office those of all.
 */
@RestController
class CommendationController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Pattern PHASE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final CommendationService commendations;
  private final CommendationStarter starter;
  private final CommendationExport export;
  private final OrganizationService organizations;
  private final CurrentUser currentUser;
  private final CampaignService campaign;

  CommendationController(CommendationService commendations, CommendationStarter starter, CommendationExport export,
      OrganizationService organizations, CurrentUser currentUser, CampaignService campaign) {
    this.campaign = campaign;
    this.commendations = commendations;
    this.starter = starter;
    this.export = export;
    this.organizations = organizations;
    this.currentUser = currentUser;
  }

  /** Starts 评选表彰 for every leading body with participating organizations that has none in the phase. */
  @PostMapping("/api/phases/{phaseId}/commendations")
  Map<String, Object> start(@PathVariable String phaseId) {
    currentUser.requireCityOffice();
    checkPhase(phaseId);
    UnknownPhaseException.requireExisting(campaign, phaseId);
    List<String> started = currentUser.asSystem(() -> starter.startForAll(phaseId));
    return Map.of("message", "已为 " + started.size() + " 个领导机关启动评选表彰", "started", started);
  }

  @GetMapping("/api/commendations/{phaseId}.xlsx")
  ResponseEntity<byte[]> titles(@PathVariable String phaseId) {
    checkPhase(phaseId);
    currentUser.userId();
    UnknownPhaseException.requireExisting(campaign, phaseId);
    Set<String> scope = scope();
    List<AwardedTitle> list = commendations.awarded(phaseId).stream()
        .filter(t -> scope == null || scope.contains(t.getOrgCode())).toList();
    return xlsx("表彰名单-" + phaseId + ".xlsx", export.titles(phaseId, list));
  }

  @GetMapping("/api/commendations/{phaseId}/nominations.xlsx")
  ResponseEntity<byte[]> nominations(@PathVariable String phaseId) {
    checkPhase(phaseId);
    currentUser.userId();
    UnknownPhaseException.requireExisting(campaign, phaseId);
    Set<String> scope = scope();
    List<Nomination> list = commendations.nominationsOfPhase(phaseId).stream()
        .filter(n -> scope == null || scope.contains(n.getOrgCode())).toList();
    return xlsx("推荐名单-" + phaseId + ".xlsx", export.nominations(phaseId, list));
  }

  private static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  /** The organizations whose nominations and titles the caller may export; null for all (the city office). */
  private Set<String> scope() {
    currentUser.userId();
    if (currentUser.isCityOffice()) {
      return null;
    }
    List<Organization> bodies = organizations.bodiesOf(currentUser.groups());
    if (bodies.isEmpty()) {
      throw new CurrentUser.AccessDeniedException("只有上级党组织和市委创先争优活动领导小组办公室可以导出评选表彰名单");
    }
    return organizations.visibleCodes(bodies);
  }

  private static void checkPhase(String phaseId) {
    if (!PHASE.matcher(phaseId).matches()) {
      throw new InvalidInputException("时段编号只能由英文字母、数字和 . _ - 组成，最长 64 位");
    }
  }
}
