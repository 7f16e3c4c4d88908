package cn.wujiang.cxzy.evaluation;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.organization.UnknownOrganizationException;

/**
 * The pages the evaluation's task forms link to, behind the API's login (HTTP Basic): the printable
 * code sheet, for the organization's own group only and only while the window is open; and the
 * opinions written on the ballots, for the organization, its direct leader and the city office.
 */
@Controller
@RequestMapping("/api/evaluations/{orgCode}/{phaseId}/{year}")
class EvaluationPagesController {

  /** A printed card: its number, the code as printed, the QR code of its ballot page. */
  record Card(int seq, String code, String qr) {
  }

  private final EvaluationService evaluations;
  private final OrganizationService organizations;
  private final EvaluationForms forms;
  private final CurrentUser currentUser;

  EvaluationPagesController(EvaluationService evaluations, OrganizationService organizations, EvaluationForms forms,
      CurrentUser currentUser) {
    this.evaluations = evaluations;
    this.organizations = organizations;
    this.forms = forms;
    this.currentUser = currentUser;
  }

  @GetMapping("/codes.html")
  String codes(@PathVariable String orgCode, @PathVariable String phaseId, @PathVariable int year,
      HttpServletResponse response, Model model) {
    currentUser.userId();
    if (!currentUser.groups().contains(organizations.groupOf(orgCode))) {
      throw new CurrentUser.AccessDeniedException("评议码只能由本组织查看和打印");
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Evaluation evaluation = evaluation(orgCode, phaseId, year);
    List<String> codes = evaluations.sheet(evaluation);
    if (codes.isEmpty()) {
      return BallotController.message(response, model, HttpStatus.GONE, "评议已结束",
          "本次评议已经结束，评议码已全部失效，打印页已销毁。");
    }
    String base = forms.publicUrl().isEmpty()
        ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : forms.publicUrl();
    List<Card> cards = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      cards.add(new Card(i + 1, BallotCodes.display(codes.get(i)), QrCodes.svgDataUri(base + "/evaluate/" + codes.get(i))));
    }
    model.addAttribute("title", "评议码");
    model.addAttribute("org", organizations.get(orgCode));
    model.addAttribute("evaluation", evaluation);
    model.addAttribute("closes", EvaluationNotices.when(evaluation.getClosesAt()));
    model.addAttribute("ballotUrl", base + "/evaluate");
    model.addAttribute("cards", cards);
    return "evaluate/codes";
  }

  @GetMapping("/opinions.html")
  String opinions(@PathVariable String orgCode, @PathVariable String phaseId, @PathVariable int year,
      HttpServletResponse response, Model model) {
    currentUser.userId();
    List<String> groups = currentUser.groups();
    if (!currentUser.isCityOffice() && !groups.contains(organizations.groupOf(orgCode))
        && !groups.contains(organizations.leaderGroupOf(orgCode))) {
      throw new CurrentUser.AccessDeniedException("群众意见建议只能由本组织、其上级党组织和市委办查看");
    }
    Evaluation evaluation = evaluation(orgCode, phaseId, year);
    if (evaluation.getStatus() == Evaluation.Status.OPEN) {
      return BallotController.message(response, model, HttpStatus.CONFLICT, "评议尚未结束",
          "评议结束后才能查看群众的意见建议。");
    }
    Organization org = organizations.get(orgCode);
    model.addAttribute("title", "群众意见建议");
    model.addAttribute("org", org);
    model.addAttribute("evaluation", evaluation);
    model.addAttribute("opinions", evaluations.opinions(evaluation));
    return "evaluate/opinions";
  }

  @ExceptionHandler(CurrentUser.AccessDeniedException.class)
  String denied(CurrentUser.AccessDeniedException e, HttpServletResponse response, Model model) {
    return BallotController.message(response, model, HttpStatus.FORBIDDEN, "无权查看", e.getMessage());
  }

  @ExceptionHandler({UnknownOrganizationException.class, NoEvaluation.class})
  String unknown(RuntimeException e, HttpServletResponse response, Model model) {
    return BallotController.message(response, model, HttpStatus.NOT_FOUND, "没有这次评议", "没有找到这次群众评议。");
  }

  private Evaluation evaluation(String orgCode, String phaseId, int year) {
    return evaluations.find(new EvaluationKey(orgCode, phaseId, year)).orElseThrow(NoEvaluation::new);
  }

  static final class NoEvaluation extends RuntimeException {
  }
}
