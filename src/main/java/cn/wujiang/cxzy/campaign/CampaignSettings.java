package cn.wujiang.cxzy.campaign;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cadence of the campaign (application.yaml, cxzy.campaign): how often leaders review and the
 * public evaluates, how long before the end of a phase the last round starts, how often spot checks
 * are drawn and how many, how many organizations of one leading body one bodyCycles instance holds at
 * most. In the demo the phase length replaces the dates, so that a phase runs in minutes.
 */
@ConfigurationProperties("cxzy.campaign")
public record CampaignSettings(String reviewInterval, String evaluationInterval, Duration reviewLead,
    Duration evaluationLead, Duration supervisionInterval, double sampleShare, int minSample,
    Duration improvementDeadline, Duration phaseLength, int cycleBatchSize) {

  public CampaignSettings {
    reviewInterval = reviewInterval == null ? "P6M" : reviewInterval;
    evaluationInterval = evaluationInterval == null ? "P1Y" : evaluationInterval;
    reviewLead = reviewLead == null ? Duration.ofDays(30) : reviewLead;
    evaluationLead = evaluationLead == null ? Duration.ofDays(45) : evaluationLead;
    supervisionInterval = supervisionInterval == null ? Duration.ofDays(30) : supervisionInterval;
    sampleShare = sampleShare <= 0 ? 0.2 : Math.min(sampleShare, 1.0);
    minSample = minSample <= 0 ? 1 : minSample;
    improvementDeadline = improvementDeadline == null ? Duration.ofDays(15) : improvementDeadline;
    cycleBatchSize = cycleBatchSize <= 0 ? 200 : cycleBatchSize;
  }

  /** A setting such as P6M (months) or PT20M (minutes) as an amount to add to an instant. */
  static java.time.temporal.TemporalAmount amount(String text) {
    return text.startsWith("PT") || text.contains("T") ? Duration.parse(text) : Period.parse(text);
  }
}
