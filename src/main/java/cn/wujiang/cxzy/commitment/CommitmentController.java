package cn.wujiang.cxzy.commitment;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.web.InvalidInputException;

/** The city office starts the public commitment of a phase for every grassroots organization. */
@RestController
@RequestMapping("/api/phases/{phaseId}/commitments")
class CommitmentController {

  private static final Pattern PHASE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final CommitmentStarter starter;
  private final CurrentUser currentUser;

  CommitmentController(CommitmentStarter starter, CurrentUser currentUser) {
    this.starter = starter;
    this.currentUser = currentUser;
  }

  @PostMapping
  Map<String, Object> start(@PathVariable String phaseId) {
    currentUser.requireCityOffice();
    if (!PHASE.matcher(phaseId).matches()) {
      throw new InvalidInputException("时段编号只能由英文字母、数字和 . _ - 组成，最长 64 位");
    }
    List<String> started = currentUser.asSystem(() -> starter.startForAll(phaseId));
    return Map.of("message", "已为 " + started.size() + " 个基层党组织启动公开承诺", "started", started);
  }
}
