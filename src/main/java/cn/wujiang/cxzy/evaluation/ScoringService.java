package cn.wujiang.cxzy.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wujiang.cxzy.commitment.Commitment;
import cn.wujiang.cxzy.commitment.CommitmentService;
import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.OrganizationService;
import cn.wujiang.cxzy.review.ReviewService;

/**
 * 计分 and 评定: turns the ballots and paper tallies of a closed evaluation, with the organizational
 * assessment (leadership reviews, fulfilment rate), into results (see {@link Scoring}), then grades each
 * subject with the grading table and keeps 优秀 within one third of the members rated.
 */
@Service
@Transactional
public class ScoringService {

  static final String OVER_CAP_NOTE = "优秀不超过参评党员的三分之一，按综合得分顺序评为合格";

  private final EvaluationService evaluations;
  private final EvaluationResultRepository results;
  private final OrganizationService organizations;
  private final ReviewService reviews;
  private final CommitmentService commitments;
  private final GradingRules rules;
  private final EvaluationProperties properties;
  private final Clock clock;

  ScoringService(EvaluationService evaluations, EvaluationResultRepository results, OrganizationService organizations,
      ReviewService reviews, CommitmentService commitments, GradingRules rules, EvaluationProperties properties,
      Clock clock) {
    this.evaluations = evaluations;
    this.results = results;
    this.organizations = organizations;
    this.reviews = reviews;
    this.commitments = commitments;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  /** Computes the results of the organization and each member; scoring again replaces them. */
  public List<EvaluationResult> score(EvaluationKey key) {
    Evaluation evaluation = evaluations.get(key);
    // Ballots cast just before the window closed may still wait in the queue: count them too.
    evaluations.moveQueuedBallots(evaluation);
    Tally electronic = evaluations.electronicTally(evaluation);
    Tally paper = evaluations.paperTally(evaluation);
    ReviewService.PhaseRatings ratings = reviews.ratings(key.orgCode(), key.phaseId());
    BigDecimal fulfilment = commitments.find(key.orgCode(), key.phaseId()).map(Commitment::getFulfilmentRate)
        .orElse(null);
    Scoring scoring = new Scoring(Scoring.Weights.of(properties.getWeights()));

    results.deleteByEvaluationId(evaluation.getId());
    results.flush();
    List<EvaluationResult> list = new ArrayList<>();
    list.add(new EvaluationResult(evaluation.getId(), null, scoring.organization(electronic, paper,
        ratings.organization() == null ? null : ratings.organization().average(), fulfilment)));
    Map<String, ReviewService.Ratings> members = ratings.members();
    for (Member member : organizations.members(key.orgCode())) {
      ReviewService.Ratings review = members.get(member.getMemberNo());
      list.add(new EvaluationResult(evaluation.getId(), member.getMemberNo(), scoring.member(member.getMemberNo(),
          electronic, paper, review == null ? null : review.average())));
    }
    evaluation.scored(clock.instant());
    return results.saveAll(list);
  }

  /** 评定: the grading table for each subject, then the cap on 优秀 among the members. */
  public List<EvaluationResult> grade(EvaluationKey key) {
    List<EvaluationResult> list = evaluations.results(evaluations.get(key));
    List<Scoring.Candidate> excellent = new ArrayList<>();
    int rated = 0;
    for (EvaluationResult result : list) {
      GradingRules.Outcome outcome = rules.grade(result.isMember(), result.getComposite(), result.getRate());
      result.proposed(outcome.grade(), outcome.commendable(), outcome.note());
      if (result.isMember()) {
        rated++;
        if (outcome.grade() == Grade.EXCELLENT) {
          excellent.add(new Scoring.Candidate(result.getMemberNo(), result.getComposite(), result.getRate()));
        }
      }
    }
    List<String> beyond = Scoring.beyondExcellentCap(excellent, rated);
    for (EvaluationResult result : list) {
      if (result.isMember() && beyond.contains(result.getMemberNo())) {
        result.proposed(Grade.QUALIFIED, false, OVER_CAP_NOTE);
      }
    }
    return list;
  }
}
