package cn.wujiang.cxzy.evaluation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The settings of 群众评议 (cxzy.evaluation in application.yaml, where each is explained). */
@ConfigurationProperties("cxzy.evaluation")
public class EvaluationProperties {

  /** Where confirmed results are announced. */
  public enum AnnounceScope {
    /** On the public board and to the organization. */
    PUBLIC("公开"),
    /** To the organizations under the same leading body only, by notice. */
    LEADER("上级党组织");

    private final String label;

    AnnounceScope(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Weights of the composite score's parts. */
  public static class Weights {
    private double mass = 0.5;
    private double review = 0.3;
    private double fulfilment = 0.2;

    public double getMass() {
      return mass;
    }

    public void setMass(double mass) {
      this.mass = mass;
    }

    public double getReview() {
      return review;
    }

    public void setReview(double review) {
      this.review = review;
    }

    public double getFulfilment() {
      return fulfilment;
    }

    public void setFulfilment(double fulfilment) {
      this.fulfilment = fulfilment;
    }
  }

  private int codesPerMember = 2;
  private int minCodes = 20;
  private Duration window = Duration.ofDays(14);
  private String pepper = "";
  private String publicUrl = "";
  private int maxFailedAttempts = 10;
  private Duration attemptWindow = Duration.ofMinutes(15);
  private int batchSize = 10;
  private Duration batchInterval = Duration.ofSeconds(30);
  private Weights weights = new Weights();
  private AnnounceScope announceScope = AnnounceScope.PUBLIC;

  /** How many codes an organization with that many members gets. */
  public int codesFor(int members) {
    return Math.max(minCodes, codesPerMember * members);
  }

  /** The pepper of the code hashes; there is no safe default, so an unset one stops code generation. */
  public String requirePepper() {
    if (pepper == null || pepper.isBlank()) {
      throw new IllegalStateException("cxzy.evaluation.pepper (CXZY_EVALUATION_PEPPER) must be set");
    }
    return pepper;
  }

  public int getCodesPerMember() {
    return codesPerMember;
  }

  public void setCodesPerMember(int codesPerMember) {
    this.codesPerMember = codesPerMember;
  }

  public int getMinCodes() {
    return minCodes;
  }

  public void setMinCodes(int minCodes) {
    this.minCodes = minCodes;
  }

  public Duration getWindow() {
    return window;
  }

  public void setWindow(Duration window) {
    this.window = window;
  }

  public String getPepper() {
    return pepper;
  }

  public void setPepper(String pepper) {
    this.pepper = pepper;
  }

  public String getPublicUrl() {
    return publicUrl;
  }

  public void setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  public int getMaxFailedAttempts() {
    return maxFailedAttempts;
  }

  public void setMaxFailedAttempts(int maxFailedAttempts) {
    this.maxFailedAttempts = maxFailedAttempts;
  }

  public Duration getAttemptWindow() {
    return attemptWindow;
  }

  public void setAttemptWindow(Duration attemptWindow) {
    this.attemptWindow = attemptWindow;
  }

  /** Ballots of an open evaluation moved into the ballot box together, at least (see BallotQueue). */
  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public Duration getBatchInterval() {
    return batchInterval;
  }

  public void setBatchInterval(Duration batchInterval) {
    this.batchInterval = batchInterval;
  }

  public Weights getWeights() {
    return weights;
  }

  public void setWeights(Weights weights) {
    this.weights = weights;
  }

  public AnnounceScope getAnnounceScope() {
    return announceScope;
  }

  public void setAnnounceScope(AnnounceScope announceScope) {
    this.announceScope = announceScope;
  }
}
