package cn.wujiang.cxzy.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 评议结果 on the public board: the results announced to the public, by system and leading body. */
@Controller
class ResultsBoardController {

  private final EvaluationService evaluations;

  ResultsBoardController(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @GetMapping("/board/results")
  String results(Model model) {
    List<EvaluationService.Announced> announced = evaluations.announcedPublic();
    // system label → leading body name → results
    Map<String, Map<String, List<EvaluationService.Announced>>> grouped = new LinkedHashMap<>();
    announced.stream().sorted(Comparator.comparing((EvaluationService.Announced a) -> a.org().getSystem()))
        .forEach(a -> grouped.computeIfAbsent(a.org().getSystem().label() + "系统", k -> new LinkedHashMap<>())
            .computeIfAbsent(a.leadingBody() == null ? "" : a.leadingBody().getName(), k -> new ArrayList<>())
            .add(a));
    model.addAttribute("title", "评议结果");
    model.addAttribute("grouped", grouped);
    model.addAttribute("count", announced.size());
    return "board/results";
  }
}
