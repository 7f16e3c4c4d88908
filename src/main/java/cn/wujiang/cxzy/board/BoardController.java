package cn.wujiang.cxzy.board;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** The public board: only what has been published, no login, readable on a phone. */
@Controller
@RequestMapping("/board")
class BoardController {

  static final int MAX_QUERY = 50;

  private final CommitmentService commitments;
  private final OrganizationService organizations;

  BoardController(CommitmentService commitments, OrganizationService organizations) {
    this.commitments = commitments;
    this.organizations = organizations;
  }

  @GetMapping({"", "/"})
  String index() {
    return "redirect:/board/commitments";
  }

  /** Published commitments by system, then leading body, then organization; search by name. */
  @GetMapping("/commitments")
  String commitments(@RequestParam(name = "q", required = false) String q, Model model) {
    String query = q == null ? "" : q.strip();
    if (query.length() > MAX_QUERY) {
      query = query.substring(0, MAX_QUERY);
    }
    List<CommitmentService.Published> published = commitments.published(query);
    Map<String, Organization> bodies = organizations.leadingBodies(
        published.stream().map(p -> p.org().getCode()).toList());
    // system label → leading body name → commitments
    Map<String, Map<String, List<CommitmentService.Published>>> grouped = new LinkedHashMap<>();
    List<CommitmentService.Published> bySystem = published.stream()
        .sorted(java.util.Comparator.comparing((CommitmentService.Published p) -> p.org().getSystem())).toList();
    for (CommitmentService.Published p : bySystem) {
      Organization body = bodies.get(p.org().getCode());
      grouped.computeIfAbsent(p.org().getSystem().label() + "系统", k -> new LinkedHashMap<>())
          .computeIfAbsent(body == null ? "" : body.getName(), k -> new java.util.ArrayList<>())
          .add(p);
    }
    model.addAttribute("q", query);
    model.addAttribute("grouped", grouped);
    model.addAttribute("count", published.size());
    model.addAttribute("title", "承诺公示");
    return "board/commitments";
  }
}
