package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.evaluation.Evaluation;
import cn.wujiang.cxzy.evaluation.EvaluationKey;
import cn.wujiang.cxzy.evaluation.EvaluationService;
import cn.wujiang.cxzy.evaluation.EvaluationStarter;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * A page of another site cannot use a login the browser holds (HTTP Basic, the webapps' session) to
 * change anything: every POST, PUT, PATCH or DELETE whose Origin, Referer or Sec-Fetch-Site names
 * another site is refused with 403 and a Chinese message, and nothing changes. The same requests from
 * the application's own pages, and from scripts that send none of these headers, go through.
 */
@DemoCityTest
class CrossSiteRequestTest {

  private static final String EVIL = "https://evil.example";
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired OrganizationService organizations;
  @Autowired EvaluationStarter starter;
  @Autowired EvaluationService evaluations;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired LoginThrottle throttle;

  Http http;
  String victim;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    identityService.clearAuthentication();
    victim = "zt.victim" + UUID.randomUUID().toString().substring(0, 6);
    User user = identityService.newUser(victim);
    user.setPassword("victim-password");
    identityService.saveUser(user);
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    identityService.deleteUser(victim);
    throttle.forgetAll();
  }

  private String self() {
    return "http://localhost:" + port;
  }

  private static Map<String, String> foreignOrigin() {
    return Map.of("Origin", EVIL);
  }

  private static Map<String, String> crossSiteFetch() {
    return Map.of("Sec-Fetch-Site", "cross-site");
  }

  private static Map<String, String> foreignReferer() {
    return Map.of("Referer", EVIL + "/page.html");
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(Http.json(response).path("message").asText()).contains("拒绝跨站请求");
  }

  @Test
  void aPhaseStartedFromAnotherSiteIsRefusedAndNoPhaseIsStarted() {
    String theme = "跨站" + UUID.randomUUID().toString().substring(0, 6);
    String body = "{\"phaseNumber\":91,\"theme\":\"" + theme + "\",\"startDate\":\"2026-12-01\",\"endDate\":\"2027-06-30\"}";
    for (Map<String, String> headers : List.of(foreignOrigin(), crossSiteFetch(), foreignReferer())) {
      assertRefused(http.send("POST", "/api/phases", headers, "application/json", body, "office.sec", "demo"));
    }
    assertThat(jdbc.queryForObject("select count(*) from cmp_phase where theme = ?", Integer.class, theme)).isZero();
  }

  @Test
  void anImportFromAnotherSiteIsRefusedAndImportsNothing() {
    HttpResponse<String> response = http.upload("/api/import/members", "m.csv", SecurityTest.MEMBERS_FILE,
        "admin", "admin", foreignOrigin());

    assertRefused(response);
    assertThat(organizations.member("ZT801")).isEmpty();
    assertThat(identityService.createUserQuery().userId("zt.intruder").count()).isZero();
  }

  @Test
  void noMemberIsMovedIntoTheAdministratorsFromAnotherSite() {
    String path = "/engine-rest/group/" + Groups.CAMUNDA_ADMIN + "/members/" + victim;
    for (Map<String, String> headers : List.of(foreignOrigin(), crossSiteFetch(), foreignReferer())) {
      assertRefused(http.send("PUT", path, headers, null, null, "admin", "admin"));
    }
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId(victim).count()).isZero();

    // The same request from the application's own page, and from a script, goes through.
    assertThat(http.send("PUT", path, Map.of("Origin", self(), "Sec-Fetch-Site", "same-origin"), null, null,
        "admin", "admin").statusCode()).isEqualTo(204);
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId(victim).count()).isOne();
    assertThat(http.send("DELETE", path, Map.of(), null, null, "admin", "admin").statusCode()).isEqualTo(204);
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId(victim).count()).isZero();
  }

  @Test
  void noUserIsDeletedFromAnotherSite() {
    for (Map<String, String> headers : List.of(foreignOrigin(), crossSiteFetch(), foreignReferer())) {
      assertRefused(http.send("DELETE", "/engine-rest/user/" + victim, headers, null, null, "admin", "admin"));
    }
    assertThat(identityService.createUserQuery().userId(victim).count()).isOne();
  }

  @Test
  void theWebappsLoginFormFromAnotherSiteIsRefusedAndOpensNoSession() {
    for (Map<String, String> headers : List.of(foreignOrigin(), crossSiteFetch(), foreignReferer())) {
      HttpResponse<String> response = http.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          headers, "application/x-www-form-urlencoded", "username=office.sec&password=demo", null, null);
      assertRefused(response);
      assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void theProgressPageAndTheInboxTakeNoWritesFromAnotherSite() {
    for (Map<String, String> headers : List.of(foreignOrigin(), crossSiteFetch(), foreignReferer())) {
      assertRefused(http.send("POST", "/progress", headers, "application/x-www-form-urlencoded", "phase=x",
          "office.sec", "demo"));
      assertRefused(http.send("POST", "/api/inbox/1/read", headers, null, null, "office.sec", "demo"));
    }
  }

  @Test
  void anotherPortOrSchemeOfTheSameHostIsAnotherOrigin() {
    String path = "/engine-rest/group/" + Groups.CAMUNDA_ADMIN + "/members/" + victim;
    assertRefused(http.send("PUT", path, Map.of("Origin", "http://localhost:" + (port + 1)), null, null, "admin", "admin"));
    assertRefused(http.send("PUT", path, Map.of("Origin", "https://localhost:" + port), null, null, "admin", "admin"));
    assertRefused(http.send("PUT", path, Map.of("Origin", "null"), null, null, "admin", "admin"));
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId(victim).count()).isZero();
  }

  @Test
  void theBallotPageStillTakesABallotFromThePhoneThatOpenedIt() {
    String phase = "x" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = starter.start("edu-syxx", phase, 2026);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    Evaluation evaluation = evaluations.get(new EvaluationKey("edu-syxx", phase, 2026));
    List<String> codes = evaluations.sheet(evaluation);

    // From another site: refused before the page sees it, the code stays unused.
    String[] page = open(codes.get(0));
    assertRefused(http.send("POST", "/evaluate/" + codes.get(0),
        Map.of("Cookie", page[0], "Origin", EVIL, "Sec-Fetch-Site", "cross-site"),
        "application/x-www-form-urlencoded", ballot(page[1]), null, null));
    assertThat(ballots(evaluation)).isZero();

    // The phone's own post: its origin, or "null" under the page's no-referrer policy.
    HttpResponse<String> cast = http.send("POST", "/evaluate/" + codes.get(0),
        Map.of("Cookie", page[0], "Origin", self(), "Sec-Fetch-Site", "same-origin"),
        "application/x-www-form-urlencoded", ballot(page[1]), null, null);
    assertThat(cast.statusCode()).as(cast.body()).isEqualTo(302);
    assertThat(cast.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/evaluate/thanks"));
    String[] other = open(codes.get(1));
    assertThat(http.send("POST", "/evaluate/" + codes.get(1),
        Map.of("Cookie", other[0], "Origin", "null", "Sec-Fetch-Site", "same-origin"),
        "application/x-www-form-urlencoded", ballot(other[1]), null, null).statusCode()).isEqualTo(302);
    assertThat(ballots(evaluation)).isEqualTo(2);
  }

  /** The ballot page of a code: its token cookie ("name=value") and the token of its form. */
  private String[] open(String code) {
    HttpResponse<String> page = http.get("/evaluate/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    Matcher m = TOKEN.matcher(page.body());
    assertThat(m.find()).isTrue();
    return new String[] {cookie, m.group(1)};
  }

  /** Every criterion 满意, as BallotPageTest fills it in. */
  private static String ballot(String token) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", token);
    for (cn.wujiang.cxzy.review.Criterion c : cn.wujiang.cxzy.review.Criterion.of(false)) {
      fields.put("org_" + c.name(), "SATISFIED");
    }
    fields.put("member_M00040", "EXCELLENT");
    fields.put("member_M00041", "QUALIFIED");
    fields.put("member_M00042", "");
    return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  /** Ballots taken: those still queued and those already moved into the ballot box in a batch. */
  private int ballots(Evaluation evaluation) {
    return jdbc.queryForObject("select (select count(*) from eval_ballot_queue where evaluation_id = ?)"
        + " + (select count(*) from eval_ballot where evaluation_id = ?)", Integer.class,
        evaluation.getId(), evaluation.getId());
  }
}
