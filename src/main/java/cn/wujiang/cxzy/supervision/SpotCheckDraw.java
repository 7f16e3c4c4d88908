package cn.wujiang.cxzy.supervision;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A random draw of organizations to inspect, kept with its seed so that anyone can redo it. */
@Entity
@Table(name = "sup_draw")
public class SpotCheckDraw {

  @Id
  private String id;
  private String phaseId;
  private Instant drawnAt;
  private long seed;
  private int population;
  private int sampleSize;
  /** The codes drawn, in the order drawn, comma-separated. */
  private String orgCodes;

  protected SpotCheckDraw() {
  }

  SpotCheckDraw(String id, String phaseId, Instant drawnAt, long seed, int population, int sampleSize, String orgCodes) {
    this.id = id;
    this.phaseId = phaseId;
    this.drawnAt = drawnAt;
    this.seed = seed;
    this.population = population;
    this.sampleSize = sampleSize;
    this.orgCodes = orgCodes;
  }

  public String getId() {
    return id;
  }

  public String getPhaseId() {
    return phaseId;
  }

  public Instant getDrawnAt() {
    return drawnAt;
  }

  public long getSeed() {
    return seed;
  }

  public int getPopulation() {
    return population;
  }

  public int getSampleSize() {
    return sampleSize;
  }

  public String getOrgCodes() {
    return orgCodes;
  }
}
