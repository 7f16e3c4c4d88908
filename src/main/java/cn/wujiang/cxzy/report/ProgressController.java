package cn.wujiang.cxzy.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.wujiang.cxzy.campaign.CampaignService;
import cn.wujiang.cxzy.campaign.Phase;
import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.web.SpreadsheetText;

/**
 * The campaign's progress for the city office and the leading bodies (each its own scope):
 * {@code /progress} (a page with a chart, for whoever is logged in to Tasklist; without a login the
 * browser goes to the Tasklist login) and {@code /progress.xlsx}.
 */
@Controller
class ProgressController {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProgressService progress;
  private final CampaignService campaign;
  private final OrganizationService organizations;
  private final CurrentUser currentUser;

  ProgressController(ProgressService progress, CampaignService campaign, OrganizationService organizations,
      CurrentUser currentUser) {
    this.progress = progress;
    this.campaign = campaign;
    this.organizations = organizations;
    this.currentUser = currentUser;
  }

  @GetMapping("/progress")
  String page(@RequestParam(name = "phase", required = false) String phaseId, Model model) {
    List<Phase> phases = campaign.all();
    model.addAttribute("phases", phases);
    Phase phase = chosen(phases, phaseId);
    model.addAttribute("phase", phase);
    if (phase != null) {
      ProgressService.Progress p = compute(phase);
      model.addAttribute("progress", p);
      model.addAttribute("max", p.bodies().stream().mapToInt(ProgressService.BodyProgress::total).max().orElse(1));
    }
    model.addAttribute("title", "活动进度");
    model.addAttribute("when", WHEN);
    model.addAttribute("zone", Deadlines.ZONE);
    return "progress/progress";
  }

  @GetMapping(value = "/progress.xlsx")
  @ResponseBody
  ResponseEntity<byte[]> excel(@RequestParam(name = "phase", required = false) String phaseId) throws IOException {
    Phase phase = chosen(campaign.all(), phaseId);
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      SpreadsheetText.Cells cells = new SpreadsheetText.Cells(book);
      Sheet sheet = book.createSheet("各单位进度");
      Sheet late = book.createSheet("逾期任务");
      if (phase != null) {
        ProgressService.Progress p = compute(phase);
        Row head = sheet.createRow(0);
        head.createCell(0).setCellValue("党组织");
        for (int i = 0; i < p.columns().size(); i++) {
          head.createCell(i + 1).setCellValue(p.columns().get(i));
        }
        head.createCell(p.columns().size() + 1).setCellValue("合计");
        int r = 1;
        for (ProgressService.BodyProgress line : p.bodies()) {
          Row row = sheet.createRow(r++);
          cells.text(row.createCell(0), line.body().getName());
          for (int i = 0; i < p.columns().size(); i++) {
            row.createCell(i + 1).setCellValue(line.counts().get(p.columns().get(i)));
          }
          row.createCell(p.columns().size() + 1).setCellValue(line.total());
        }
        Row lateHead = late.createRow(0);
        String[] titles = {"上级党组织", "党组织", "任务", "截止时间", "办理人"};
        for (int i = 0; i < titles.length; i++) {
          lateHead.createCell(i).setCellValue(titles[i]);
        }
        r = 1;
        for (ProgressService.OverdueTask task : p.overdue()) {
          Row row = late.createRow(r++);
          cells.text(row.createCell(0), task.body());
          cells.text(row.createCell(1), task.organization());
          cells.text(row.createCell(2), task.task());
          row.createCell(3).setCellValue(WHEN.format(task.due().toInstant().atZone(Deadlines.ZONE)));
          cells.text(row.createCell(4), task.holder());
        }
        sheet.setColumnWidth(0, 40 * 256);
      }
      book.write(out);
      String name = "progress-" + (phase == null ? "none" : phase.getId()) + ".xlsx";
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
          .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .body(out.toByteArray());
    }
  }

  /** The caller's bodies decide the scope; within it every task counts, whoever may work it. */
  private ProgressService.Progress compute(Phase phase) {
    List<Organization> bodies = bodies();
    return currentUser.asSystem(() -> progress.progress(phase.getId(), bodies));
  }

  /** The bodies the caller watches: all leading bodies for the city office, else the bodies it acts for. */
  private List<Organization> bodies() {
    currentUser.userId();
    if (currentUser.isCityOffice()) {
      return organizations.leadingBodies();
    }
    List<Organization> own = organizations.bodiesOf(currentUser.groups());
    if (own.isEmpty()) {
      throw new CurrentUser.AccessDeniedException("活动进度只对市委办和上级党组织开放");
    }
    return own;
  }

  private static Phase chosen(List<Phase> phases, String phaseId) {
    if (phases.isEmpty()) {
      return null;
    }
    return phases.stream().filter(p -> p.getId().equals(phaseId)).findFirst()
        .orElse(phases.get(phases.size() - 1));
  }
}
