package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;
import cn.wujiang.cxzy.review.Criterion;

/**
 * The ballot page as a phone uses it, and what it refuses: a code used twice or by several requests at
 * once, unknown and expired codes, a closed window, incomplete or out-of-range ballots, oversized
 * opinions, members of another organization, posts from elsewhere, guessing. Each refusal is a Chinese
 * message and stores nothing. Then the secrecy of what is stored, and the printable code sheet.
 */
@DemoCityTest
class BallotPageTest {

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

  @Autowired WebApplicationContext context;
  @Autowired EvaluationStarter starter;
  @Autowired EvaluationService evaluations;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  private MockMvc mvc;
  private String phase;
  /** A client address of this test's own, so that its unknown codes count against nobody else. */
  private String address;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).build();
    phase = "b" + UUID.randomUUID().toString().substring(0, 8);
    address = "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void aCodeOpensOneBallotWhichIsStoredOnceAndTheCodeIsThenUsed() throws Exception {
    Evaluation evaluation = open("edu-syxx");
    String code = evaluations.sheet(evaluation).get(0);

    // Typed in lower case with the printed dash, it is the same code.
    MockHttpServletResponse page = send(get("/evaluate/" + code.substring(0, 5).toLowerCase(Locale.ROOT) + "-"
        + code.substring(5).toLowerCase(Locale.ROOT)));
    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html).contains("吴江市实验小学党支部").contains("领导班子好").contains("群众反映好").contains("熊玉兰")
        .contains("满意").contains("基本满意").contains("不了解").contains("基本合格").contains("不评价")
        .contains(BallotCodes.display(code)).contains("评议不记名");
    String cookie = page.getHeader("Set-Cookie");
    assertThat(cookie).contains(BallotController.TOKEN_COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");

    MockHttpServletResponse cast = send(ballot(code, token(page), full()));
    assertThat(cast.getStatus()).isEqualTo(302);
    assertThat(cast.getRedirectedUrl()).isEqualTo("/evaluate/thanks");
    assertThat(ballots(evaluation)).isEqualTo(1);
    assertThat(send(get("/evaluate/thanks")).getContentAsString()).contains("您的评议已经匿名记录");

    MockHttpServletResponse again = send(get("/evaluate/" + code));
    assertThat(again.getStatus()).isEqualTo(409);
    assertThat(again.getContentAsString()).contains("这个评议码已经使用过");
    MockHttpServletResponse twice = send(ballot(code, token(page), full()));
    assertThat(twice.getStatus()).isEqualTo(409);
    assertThat(ballots(evaluation)).isEqualTo(1);
    // It reaches the ballot box, with its seven ratings, when the window closes at the latest.
    evaluations.close(evaluation.getKey(), "edu-syxx.sec");
    assertThat(jdbc.queryForObject("select count(*) from eval_ballot_rating r join eval_ballot b on b.id = r.ballot_id"
        + " where b.evaluation_id = ?", Integer.class, evaluation.getId())).isEqualTo(5 + 2);
    assertThat(evaluations.electronicTally(evaluation).ballots()).isEqualTo(1);
  }

  @Test
  void severalRequestsUsingOneCodeAtOnceStoreExactlyOneBallot() throws Exception {
    Evaluation evaluation = open("sl-xx");
    String code = evaluations.sheet(evaluation).get(0);
    HttpClient client = HttpClient.newHttpClient();
    int threads = 8;
    // Each request has opened the page, and so has its own token and cookie.
    List<String[]> tokens = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base() + "/evaluate/" + code)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.statusCode()).isEqualTo(200);
      String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      tokens.add(new String[] {token(page.body()), cookie});
    }
    Map<String, String> fields = criteria();
    fields.put("member_M00063", "EXCELLENT");
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> answers = new ArrayList<>();
    for (String[] t : tokens) {
      Map<String, String> form = new LinkedHashMap<>(fields);
      form.put("token", t[0]);
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/evaluate/" + code))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", t[1])
          .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form))).timeout(Duration.ofSeconds(60)).build();
      answers.add(pool.submit(() -> {
        go.await();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses.stream().filter(s -> s == 302).count()).as("statuses " + statuses).isEqualTo(1);
    assertThat(statuses).allMatch(s -> s == 302 || s == 409 || s == 503);
    assertThat(ballots(evaluation)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from eval_code where evaluation_id = ? and used = true",
        Integer.class, evaluation.getId())).isEqualTo(1);
  }

  @Test
  void unknownExpiredAndClosedCodesAreRefusedInChineseAndStoreNothing() throws Exception {
    Evaluation evaluation = open("edu-syxx");
    List<String> codes = evaluations.sheet(evaluation);
    String token = token(send(get("/evaluate/" + codes.get(0))));

    MockHttpServletResponse unknown = send(get("/evaluate/ABCDE23456"));
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentAsString()).contains("没有这个评议码");
    assertThat(send(get("/evaluate/not-a-code")).getStatus()).isEqualTo(404);
    assertThat(send(ballot("ABCDE23456", token, full())).getStatus()).isEqualTo(404);

    // The window has run out, though nothing has closed it yet.
    ClockUtil.setCurrentTime(java.util.Date.from(evaluation.getClosesAt().plusSeconds(1)));
    MockHttpServletResponse expired = send(get("/evaluate/" + codes.get(0)));
    assertThat(expired.getStatus()).isEqualTo(410);
    assertThat(expired.getContentAsString()).contains("这个评议码已过期").contains("截止");
    assertThat(send(ballot(codes.get(0), token, full())).getContentAsString()).contains("这个评议码已过期");
    ClockUtil.reset();

    // Closed by the organization.
    evaluations.close(evaluation.getKey(), "edu-syxx.sec");
    MockHttpServletResponse closed = send(get("/evaluate/" + codes.get(1)));
    assertThat(closed.getStatus()).isEqualTo(410);
    assertThat(closed.getContentAsString()).contains("本次群众评议已经结束");
    MockHttpServletResponse post = send(ballot(codes.get(1), token, full()));
    assertThat(post.getStatus()).isEqualTo(410);
    assertThat(ballots(evaluation)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from eval_code where evaluation_id = ? and used = true",
        Integer.class, evaluation.getId())).isZero();
  }

  @Test
  void incompleteOrOutOfRangeBallotsOversizedOpinionsAndStrangersAreRefusedAndStoreNothing() throws Exception {
    Evaluation evaluation = open("edu-syxx");
    String code = evaluations.sheet(evaluation).get(0);
    String token = token(send(get("/evaluate/" + code)));

    Map<String, String> missing = full();
    missing.remove("org_LEADERSHIP");
    missing.put("opinion", "<script>alert(1)</script>");
    MockHttpServletResponse refused = send(ballot(code, token, missing));
    assertThat(refused.getStatus()).isEqualTo(400);
    String html = refused.getContentAsString();
    assertThat(html).contains("请评价“领导班子好”");
    // What was entered comes back, the opinion escaped.
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    assertThat(html).containsPattern("value=\"SATISFIED\"[^>]*checked");

    Map<String, String> outOfRange = full();
    outOfRange.put("org_MECHANISM", "VERY_SATISFIED");
    outOfRange.put("member_M00040", "BEST");
    assertThat(send(ballot(code, token, outOfRange)).getContentAsString())
        .contains("“工作机制好”的评价“VERY_SATISFIED”无效").contains("对党员熊玉兰的评价“BEST”无效");

    Map<String, String> oversized = full();
    oversized.put("opinion", "意".repeat(501));
    assertThat(send(ballot(code, token, oversized)).getContentAsString()).contains("意见建议过长（501 字），最多 500 字");

    Map<String, String> stranger = full();
    stranger.put("member_M00054", "UNQUALIFIED");
    MockHttpServletResponse foreign = send(ballot(code, token, stranger));
    assertThat(foreign.getStatus()).isEqualTo(400);
    assertThat(foreign.getContentAsString()).contains("评议的党员不是本组织的党员");

    assertThat(ballots(evaluation)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from eval_code where evaluation_id = ? and used = true",
        Integer.class, evaluation.getId())).isZero();

    Map<String, String> good = full();
    good.put("opinion", "意".repeat(500));
    assertThat(send(ballot(code, token, good)).getStatus()).isEqualTo(302);
    evaluations.close(evaluation.getKey(), "edu-syxx.sec");
    assertThat(evaluations.opinions(evaluation)).containsExactly("意".repeat(500));
  }

  @Test
  void aBallotWithoutTheTokenOfItsPageOrFromAnotherSiteIsRefused() throws Exception {
    Evaluation evaluation = open("edu-syxx");
    String code = evaluations.sheet(evaluation).get(0);
    String token = token(send(get("/evaluate/" + code)));

    MockHttpServletRequestBuilder noCookie = post("/evaluate/" + code).with(r -> {
      r.setRemoteAddr(address);
      return r;
    }).param("token", token);
    full().forEach(noCookie::param);
    MockHttpServletResponse refused = send(noCookie);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("评议页面已失效或不是从本网站提交的");
    assertThat(send(ballot(code, "forged", full()).cookie(new Cookie(BallotController.TOKEN_COOKIE, token)))
        .getStatus()).isEqualTo(403);
    assertThat(send(ballot(code, token, full()).header("Origin", "https://evil.example").header("Host", "localhost"))
        .getStatus()).isEqualTo(403);
    assertThat(ballots(evaluation)).isZero();

    assertThat(send(ballot(code, token, full()).header("Origin", "http://localhost:8091").header("Host", "localhost:8091"))
        .getStatus()).isEqualTo(302);
    assertThat(ballots(evaluation)).isEqualTo(1);
    // Under Referrer-Policy no-referrer a browser names no origin ("null") for the page's own form.
    String other = evaluations.sheet(evaluation).get(1);
    String otherToken = token(send(get("/evaluate/" + other)));
    assertThat(send(ballot(other, otherToken, full()).header("Origin", "null")).getStatus()).isEqualTo(302);
    assertThat(ballots(evaluation)).isEqualTo(2);
  }

  @Test
  void guessingFromOneAddressIsSlowedDownButItsValidCodesStillOpenTheirBallots() throws Exception {
    Evaluation evaluation = open("edu-syxx");
    List<String> codes = evaluations.sheet(evaluation);
    java.time.Instant now = java.time.Instant.now();
    ClockUtil.setCurrentTime(java.util.Date.from(now));
    // One person on a school's Wi-Fi mistypes ten codes...
    for (int i = 0; i < 10; i++) {
      assertThat(send(get("/evaluate/ABCDE2345" + (i % 8 + 2))).getStatus()).isEqualTo(404);
    }
    // ...the next unknown code from that address must wait, and is told so in Chinese, with Retry-After;
    MockHttpServletResponse blocked = send(get("/evaluate/ABCDE23499"));
    assertThat(blocked.getStatus()).isEqualTo(429);
    assertThat(blocked.getHeader("Retry-After")).isEqualTo("1");
    assertThat(blocked.getContentAsString()).contains("输入错误的评议码次数过多，请稍后再试");
    assertThat(send(get("/evaluate").param("code", "0OIL1")).getStatus()).isEqualTo(429);
    MockHttpServletResponse longer = send(ballot("ABCDE23488", "t", full()));
    assertThat(longer.getStatus()).isEqualTo(429);
    assertThat(longer.getHeader("Retry-After")).isEqualTo("4");

    // ...but every valid code from the same address opens its ballot and is cast at once.
    for (int i = 0; i < 3; i++) {
      MockHttpServletResponse page = send(get("/evaluate/" + codes.get(i)));
      assertThat(page.getStatus()).isEqualTo(200);
      assertThat(send(ballot(codes.get(i), token(page), full())).getStatus()).isEqualTo(302);
    }
    assertThat(send(get("/evaluate").param("code", codes.get(3).toLowerCase(Locale.ROOT))).getRedirectedUrl())
        .isEqualTo("/evaluate/" + codes.get(3));
    assertThat(ballots(evaluation)).isEqualTo(3);
    assertThat(send(get("/evaluate/" + codes.get(0))).getStatus()).as("a used code is no guess").isEqualTo(409);

    // Another address is not slowed down; this one may try again once the delay (now 8 s) has passed.
    String mine = address;
    address = "10.2.0.1";
    assertThat(send(get("/evaluate/ABCDE23477")).getStatus()).isEqualTo(404);
    address = mine;
    ClockUtil.setCurrentTime(java.util.Date.from(now.plusSeconds(9)));
    assertThat(send(get("/evaluate/ABCDE23466")).getStatus()).isEqualTo(404);
    assertThat(send(get("/evaluate/ABCDE23455")).getStatus()).isEqualTo(429);
  }

  @Test
  void theEntryPageTakesATypedCode() throws Exception {
    MockHttpServletResponse page = send(get("/evaluate"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("请输入您拿到的评议码").contains("name=\"code\"").contains("评议结果");
    assertThat(send(get("/evaluate").param("code", " abcde-23456 ")).getRedirectedUrl()).isEqualTo("/evaluate/ABCDE23456");
    // As a Chinese input method types it: full-width letters, digits, dash and space.
    assertThat(send(get("/evaluate").param("code", "ＡＢＣＤＥ－２３４５６")).getRedirectedUrl()).isEqualTo("/evaluate/ABCDE23456");
    assertThat(send(get("/evaluate").param("code", "ａｂｃｄｅ　２３４５６")).getRedirectedUrl()).isEqualTo("/evaluate/ABCDE23456");
    assertThat(send(get("/evaluate").param("code", "ABCDE—23456")).getRedirectedUrl()).isEqualTo("/evaluate/ABCDE23456");
    assertThat(page.getContentAsString()).contains("/board/ballot-code.js");
    MockHttpServletResponse bad = send(get("/evaluate").param("code", "<b>0OIL1</b>"));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("评议码格式不正确").contains("&lt;b&gt;0OIL1&lt;/b&gt;");
  }

  @Test
  void noBallotCanBeJoinedToACodeOrToTheTimeItWasCast() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String table : List.of("eval_ballot", "eval_ballot_rating")) {
        Set<String> referenced = new HashSet<>();
        try (ResultSet keys = meta.getImportedKeys(null, null, name(meta, table))) {
          while (keys.next()) {
            referenced.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
          }
        }
        assertThat(referenced).as(table + " references").isSubsetOf("eval_evaluation", "eval_ballot")
            .doesNotContain("eval_code", "eval_code_sheet");
        Map<String, Integer> columns = columns(meta, table);
        assertThat(columns.keySet()).as(table + " columns").noneMatch(c -> c.contains("code") || c.contains("time")
            || c.contains("seq") || c.contains("created"));
        assertThat(columns.values()).as(table + " column types")
            .doesNotContain(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME, Types.TIME_WITH_TIMEZONE);
        try (ResultSet rs = meta.getColumns(null, null, name(meta, table), null)) {
          while (rs.next()) {
            assertThat(rs.getString("IS_AUTOINCREMENT")).as(table + "." + rs.getString("COLUMN_NAME")).isEqualTo("NO");
          }
        }
      }
      assertThat(columns(meta, "eval_ballot").keySet()).containsExactlyInAnyOrder("id", "evaluation_id", "cast_on", "opinion");
      assertThat(columns(meta, "eval_ballot").get("cast_on")).isEqualTo(Types.DATE);
      // Nor does a code say when, or which ballot: only whether it was used.
      assertThat(columns(meta, "eval_code").keySet()).containsExactlyInAnyOrder("code_hash", "evaluation_id", "used");
      try (ResultSet keys = meta.getExportedKeys(null, null, name(meta, "eval_code"))) {
        assertThat(keys.next()).as("nothing references eval_code").isFalse();
      }
    }

    Evaluation evaluation = open("sz-xx");
    List<String> codes = evaluations.sheet(evaluation);
    for (int i = 0; i < 6; i++) {
      String token = token(send(get("/evaluate/" + codes.get(i))));
      assertThat(send(ballot(codes.get(i), token, criteria())).getStatus()).isEqualTo(302);
    }
    evaluations.close(evaluation.getKey(), "sz-xx.sec");
    List<String> ids = jdbc.queryForList("select id from eval_ballot where evaluation_id = ?", String.class,
        evaluation.getId());
    assertThat(ids).hasSize(6).doesNotHaveDuplicates();
    // Random (version 4) UUIDs: no order of casting in them.
    assertThat(ids).allSatisfy(id -> {
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    });
  }

  @Test
  void theCodeSheetIsForTheOrganizationsGroupOnlyAndOnlyWhileTheWindowIsOpen() {
    Evaluation evaluation = open("tl-zx");
    List<String> codes = evaluations.sheet(evaluation);
    String path = "/api/evaluations/tl-zx/" + phase + "/2026/codes.html";
    Http http = new Http(port);

    HttpResponse<String> sheet = http.get(path, "tl-zx.sec", "demo");
    assertThat(sheet.statusCode()).isEqualTo(200);
    assertThat(sheet.headers().firstValue("Cache-Control")).hasValue("no-store");
    String html = sheet.body();
    assertThat(html).contains("同里镇古镇初级中学党支部").contains("年度群众评议码").contains("共 <b>20</b> 个");
    codes.forEach(c -> assertThat(html).contains(BallotCodes.display(c)));
    // The sheet is derived again each time, the same, and no table holds a plain code.
    assertThat(evaluations.sheet(evaluation)).isEqualTo(codes);
    assertThat(jdbc.queryForObject("select count(*) from eval_code_sheet", Integer.class)).isZero();
    assertThat(jdbc.queryForList("select code_hash from eval_code where evaluation_id = ?", String.class,
        evaluation.getId())).hasSize(20).doesNotContainAnyElementsOf(codes);
    Matcher qr = Pattern.compile("src=\"data:image/svg\\+xml;base64,([^\"]+)\"").matcher(html);
    int images = 0;
    while (qr.find()) {
      images++;
      assertThat(new String(Base64.getDecoder().decode(qr.group(1)), StandardCharsets.UTF_8)).startsWith("<svg").contains("<path");
    }
    assertThat(images).isEqualTo(20);
    assertThat(html).contains("http://localhost:" + port + "/evaluate");

    assertThat(http.get(path, "tl-zx.liaison", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> member = http.get(path, "tl-zx.m1", "demo");
    assertThat(member.statusCode()).isEqualTo(403);
    assertThat(member.body()).contains("评议码只能由本组织查看和打印");
    assertThat(http.get(path, "town-tongli.sec", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(path, "office.sec", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(path).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/evaluations/tl-zx/nosuchphase/2026/codes.html", "tl-zx.sec", "demo").statusCode())
        .isEqualTo(404);

    evaluations.close(evaluation.getKey(), "tl-zx.sec");
    HttpResponse<String> gone = http.get(path, "tl-zx.sec", "demo");
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body()).contains("评议码已全部失效，打印页已销毁").doesNotContain(BallotCodes.display(codes.get(0)));
  }

  @Test
  void opinionsAreShownEscapedToTheOrganizationAndItsLeaderAfterTheWindowCloses() throws Exception {
    Evaluation evaluation = open("tl-zx");
    String code = evaluations.sheet(evaluation).get(0);
    Map<String, String> fields = criteria();
    fields.put("member_M00054", "");
    fields.put("opinion", "<img src=x onerror=alert(1)> 希望加强家校沟通");
    assertThat(send(ballot(code, token(send(get("/evaluate/" + code))), fields)).getStatus()).isEqualTo(400);
    fields.remove("member_M00054");
    fields.put("member_M00070", "QUALIFIED");
    assertThat(send(ballot(code, token(send(get("/evaluate/" + code))), fields)).getStatus()).isEqualTo(302);

    String path = "/api/evaluations/tl-zx/" + phase + "/2026/opinions.html";
    Http http = new Http(port);
    assertThat(http.get(path, "town-tongli.sec", "demo").statusCode()).as("not before the window closes").isEqualTo(409);
    evaluations.close(evaluation.getKey(), "tl-zx.sec");
    HttpResponse<String> page = http.get(path, "town-tongli.sec", "demo");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("&lt;img src=x onerror=alert(1)&gt; 希望加强家校沟通").doesNotContain("<img src=x");
    assertThat(http.get(path, "tl-zx.sec", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get(path, "office.sec", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get(path, "sl-xx.sec", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(path, "edu-bureau.sec", "demo").statusCode()).isEqualTo(403);
  }

  // ---------------------------------------------------------------------------------------------

  /** Starts the organization's evaluation and generates its codes. */
  private Evaluation open(String orgCode) {
    ProcessInstance pi = starter.start(orgCode, phase, 2026);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    return evaluations.get(new EvaluationKey(orgCode, phase, 2026));
  }

  /** Every criterion 满意. */
  private static Map<String, String> criteria() {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Criterion c : Criterion.of(false)) {
      fields.put("org_" + c.name(), "SATISFIED");
    }
    return fields;
  }

  /** Every criterion 满意, two members of 吴江市实验小学党支部 rated, a third left unrated. */
  private static Map<String, String> full() {
    Map<String, String> fields = criteria();
    fields.put("member_M00040", "EXCELLENT");
    fields.put("member_M00041", "QUALIFIED");
    fields.put("member_M00042", "");
    return fields;
  }

  private MockHttpServletRequestBuilder ballot(String code, String token, Map<String, String> fields) {
    MockHttpServletRequestBuilder request = post("/evaluate/" + code).param("token", token)
        .cookie(new Cookie(BallotController.TOKEN_COOKIE, token));
    fields.forEach(request::param);
    return request;
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(r -> {
      r.setRemoteAddr(address);
      return r;
    })).andReturn().getResponse();
  }

  private static String token(MockHttpServletResponse page) throws Exception {
    return token(page.getContentAsString());
  }

  private static String token(String html) {
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find()).as("the page has a token").isTrue();
    return m.group(1);
  }

  /** Ballots taken: stored in the ballot box or still queued for it (one statement, one snapshot). */
  private int ballots(Evaluation evaluation) {
    return jdbc.queryForObject("select (select count(*) from eval_ballot where evaluation_id = ?)"
        + " + (select count(*) from eval_ballot_queue where evaluation_id = ?)", Integer.class,
        evaluation.getId(), evaluation.getId());
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static String urlEncoded(Map<String, String> form) {
    return form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  /** The table's name as the database keeps it (upper case in H2, lower in PostgreSQL). */
  private static String name(DatabaseMetaData meta, String table) throws SQLException {
    return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
  }

  private static Map<String, Integer> columns(DatabaseMetaData meta, String table) throws SQLException {
    Map<String, Integer> columns = new LinkedHashMap<>();
    try (ResultSet rs = meta.getColumns(null, null, name(meta, table), null)) {
      while (rs.next()) {
        columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
      }
    }
    return columns;
  }
}
