package cn.wujiang.cxzy.supervision;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot checks: a draw of organizations, fair and reproducible (the seed is recorded: shuffling the
 * sorted list of codes with {@code new Random(seed)} and taking the first n gives the same sample),
 * and the inspections that follow.
 */
@Service
@Transactional
public class SupervisionService {

  private static final SecureRandom SEEDS = new SecureRandom();

  private final SpotCheckDrawRepository draws;
  private final InspectionRepository inspections;
  private final Clock clock;

  SupervisionService(SpotCheckDrawRepository draws, InspectionRepository inspections, Clock clock) {
    this.draws = draws;
    this.inspections = inspections;
    this.clock = clock;
  }

  /** The sample a seed gives: the population sorted, shuffled with the seed, the first n. */
  public static List<String> sample(List<String> population, int size, long seed) {
    List<String> sorted = new ArrayList<>(population);
    Collections.sort(sorted);
    Collections.shuffle(sorted, new Random(seed));
    return List.copyOf(sorted.subList(0, Math.min(size, sorted.size())));
  }

  public static int sampleSize(int population, double share, int min) {
    if (population == 0) {
      return 0;
    }
    return Math.min(population, Math.max(min, (int) Math.ceil(population * share)));
  }

  public SpotCheckDraw draw(String phaseId, List<String> population, double share, int min) {
    long seed = SEEDS.nextLong();
    int size = sampleSize(population.size(), share, min);
    List<String> chosen = sample(population, size, seed);
    SpotCheckDraw draw = draws.save(new SpotCheckDraw(UUID.randomUUID().toString(), phaseId, clock.instant(), seed,
        population.size(), size, String.join(",", chosen)));
    for (String code : chosen) {
      inspections.save(new Inspection(draw.getId(), code));
    }
    return draw;
  }

  @Transactional(readOnly = true)
  public Inspection inspection(String drawId, String orgCode) {
    return inspections.findByDrawIdAndOrgCode(drawId, orgCode)
        .orElseThrow(() -> new IllegalStateException("no inspection of " + orgCode + " in draw " + drawId));
  }

  @Transactional(readOnly = true)
  public List<SpotCheckDraw> draws(String phaseId) {
    return draws.findByPhaseIdOrderByDrawnAt(phaseId);
  }

  @Transactional(readOnly = true)
  public List<Inspection> inspections(String drawId) {
    return inspections.findByDrawId(drawId);
  }

  public void record(String drawId, String orgCode, String inspector, String findings, Inspection.Result result,
      LocalDate due) {
    inspection(drawId, orgCode).record(inspector, findings, result, due);
  }

  public void report(String drawId, String orgCode, String report) {
    inspection(drawId, orgCode).report(report);
  }

  public void verify(String drawId, String orgCode, String by, boolean accepted, String comment) {
    inspection(drawId, orgCode).verify(by, accepted, comment);
  }

  public void overdue(String drawId, String orgCode) {
    inspection(drawId, orgCode).markOverdue();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }
}
