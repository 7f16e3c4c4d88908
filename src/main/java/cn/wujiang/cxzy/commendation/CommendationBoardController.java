package cn.wujiang.cxzy.commendation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** 表彰公示: the titles awarded, newest phase first, by title; public, nothing but what was awarded. */
@Controller
class CommendationBoardController {

  private final CommendationService commendations;
  private final OrganizationService organizations;

  CommendationBoardController(CommendationService commendations, OrganizationService organizations) {
    this.commendations = commendations;
    this.organizations = organizations;
  }

  /** One line of the board. */
  record Line(String name, String organization, String unit, String committee, String deeds) {
  }

  @GetMapping("/board/commendations")
  String commendations(Model model) {
    Map<String, Organization> orgs = organizations.all().stream()
        .collect(Collectors.toMap(Organization::getCode, Function.identity()));
    Map<String, String> members = organizations.allMembers().stream()
        .collect(Collectors.toMap(Member::getMemberNo, Member::getName));
    // phase → title → lines
    Map<String, Map<String, List<Line>>> board = new LinkedHashMap<>();
    List<AwardedTitle> all = commendations.allAwarded();
    for (AwardedTitle t : all) {
      Organization org = orgs.get(t.getOrgCode());
      Organization committee = orgs.get(t.getCommitteeCode());
      if (org == null || committee == null) {
        continue;
      }
      String deeds = commendations.nomination(t.getNominationId()).getDeeds();
      board.computeIfAbsent(commendations.phaseLabel(t.getPhaseId()), k -> new LinkedHashMap<>())
          .computeIfAbsent(t.getTitle().label(), k -> new ArrayList<>())
          .add(new Line(t.isMember() ? members.getOrDefault(t.getMemberNo(), "") : org.getName(), org.getName(),
              org.getUnitName(), committee.getName(), deeds));
    }
    model.addAttribute("board", board);
    model.addAttribute("count", all.size());
    model.addAttribute("title", "表彰公示");
    return "board/commendations";
  }
}
