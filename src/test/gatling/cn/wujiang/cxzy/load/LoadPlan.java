package cn.wujiang.cxzy.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One run of the load test, written by src/test/load/run-load.py and read from the file named by the
 * system property or environment variable {@code LOAD_PLAN}.
 *
 * @param label what the run is, for the report
 * @param people virtual people working at once
 * @param pauseMinMs shortest pause of a person between two actions (0 with pauseMaxMs 0: no pauses)
 * @param pauseMaxMs longest pause
 * @param maxSeconds the run ends after this long whatever is left
 * @param maxSubmissions the run ends after this many accepted submissions
 * @param maxTasksPerVisit how many tasks a person works before looking at the lists again
 * @param logins the city's people, each sent to one node; more than {@code people}, taken in turn
 * @param admin the login that watches what is left (the city's administrator)
 * @param taskKeys the steps of the phase the people work (the phase's first steps)
 * @param businessKeys the business keys of the organizations' instances the people work
 * @param out where the outcome is written (JSON)
 */
public record LoadPlan(String label, int people, int pauseMinMs, int pauseMaxMs, int maxSeconds, int maxSubmissions,
    int maxTasksPerVisit, List<Login> logins, Login admin, List<String> taskKeys, List<String> businessKeys,
    String out) {

  /**
   * A person: a login, the node their browser talks to, and whether they act for an organization
   * (a secretary or a leader, who works 本组织待办) or are a member (我的待办 only).
   */
  public record Login(String user, String password, String base, boolean actsForOrganization) {
  }

  static LoadPlan read() {
    String path = System.getProperty("LOAD_PLAN", System.getenv("LOAD_PLAN"));
    if (path == null) {
      throw new IllegalStateException("LOAD_PLAN names no plan file; run src/test/load/run-load.py");
    }
    try {
      return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(new File(path), LoadPlan.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean pauses() {
    return pauseMaxMs > 0;
  }
}
