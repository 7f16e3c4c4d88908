package cn.wujiang.cxzy.campaign;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.Deadlines;

/**
 * When, within a phase, the leadership reviews and mass evaluations of an organization are due, for
 * the timers of orgCycle: every review interval (P6M) and every evaluation interval (P1Y) from the
 * phase's start, and always at least one of each before the phase ends, started early enough (the
 * lead) to finish in time. A loop whose next round would come too late waits for the end instead.
 */
@Component("cadence")
public class Cadence {

  private final CampaignService campaign;

  Cadence(CampaignService campaign) {
    this.campaign = campaign;
  }

  /** When the next review is due, or null when no further review fits in the phase. */
  public Date reviewAt(String phaseId, Number done) {
    CampaignSettings s = campaign.settings();
    return roundAt(phaseId, count(done), CampaignSettings.amount(s.reviewInterval()), s.reviewLead().toMillis());
  }

  public Date evaluationAt(String phaseId, Number done) {
    CampaignSettings s = campaign.settings();
    return roundAt(phaseId, count(done), CampaignSettings.amount(s.evaluationInterval()), s.evaluationLead().toMillis());
  }

  /** The timer of the review loop: the next review, or the end of the phase. */
  public Date nextReview(String phaseId, Number done) {
    Date at = reviewAt(phaseId, done);
    return at != null ? at : end(phaseId);
  }

  public Date nextEvaluation(String phaseId, Number done) {
    Date at = evaluationAt(phaseId, done);
    return at != null ? at : end(phaseId);
  }

  public boolean reviewDue(String phaseId, Number done) {
    return reviewAt(phaseId, done) != null;
  }

  public boolean evaluationDue(String phaseId, Number done) {
    return evaluationAt(phaseId, done) != null;
  }

  public Date end(String phaseId) {
    return Date.from(campaign.endsAt(phaseId));
  }

  /** The year an evaluation belongs to (Asia/Shanghai). */
  public int year() {
    return Deadlines.today().getYear();
  }

  /** The spot-check cycle of campaignPhase's timer, e.g. R/P30D. */
  public String supervisionCycle() {
    return "R/" + campaign.settings().supervisionInterval();
  }

  private Date roundAt(String phaseId, int done, TemporalAmount interval, long leadMillis) {
    Phase phase = campaign.get(phaseId);
    ZonedDateTime start = campaign.zoned(phase.getStartedAt());
    Instant latest = phase.getEndsAt().minusMillis(leadMillis);
    ZonedDateTime at = start;
    for (int i = 0; i <= done; i++) {
      at = at.plus(interval);
    }
    Instant due = at.toInstant();
    if (done == 0) {
      // The first round always happens, early enough to finish before the end.
      Instant first = due.isBefore(latest) ? due : latest;
      return Date.from(first.isBefore(phase.getStartedAt()) ? phase.getStartedAt() : first);
    }
    return due.isAfter(latest) ? null : Date.from(due);
  }

  private static int count(Number done) {
    return done == null ? 0 : done.intValue();
  }
}
