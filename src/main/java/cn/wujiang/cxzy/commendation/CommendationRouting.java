package cn.wujiang.cxzy.commendation;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Who co-approves a nomination, for the model: {@code ${commendationRouting.coApprovers(nominationId)}}
 * (会签: the nominee's system guide where it is not the nominating committee).
 */
@Component("commendationRouting")
public class CommendationRouting {

  private final CommendationService commendations;

  CommendationRouting(CommendationService commendations) {
    this.commendations = commendations;
  }

  /** The organization codes of the bodies that must co-approve, one 会签 task each. */
  public List<String> coApprovers(String nominationId) {
    return commendations.coApprovers(Long.valueOf(nominationId));
  }

  public boolean needsCoApproval(String nominationId) {
    return !coApprovers(nominationId).isEmpty();
  }
}
