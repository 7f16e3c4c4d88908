package cn.wujiang.cxzy.evaluation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.wujiang.cxzy.review.Criterion;

/**
 * The ballot page: public, no login, for a phone. A one-time code (typed, or from the printed QR
 * code) opens one ballot of its organization; what the page refuses is said in Chinese and stores
 * nothing. Unknown codes count against the client's address and only they are slowed down there; a
 * valid code is never refused for what others on the same address tried (see AttemptLimiter).
 * <p>
 * Cross-site requests: the page sets a random token both in a hidden field and in an HttpOnly,
 * SameSite=Strict cookie; a ballot is taken only where the two match and, where the browser names
 * the page's origin, that origin is this host.
 */
@Controller
@RequestMapping("/evaluate")
class BallotController {

  private static final Logger LOG = LoggerFactory.getLogger(BallotController.class);

  static final String TOKEN_COOKIE = "cxzy_ballot";
  static final String TOKEN_FIELD = "token";

  /** What each of the 五个好 means, from the notice, shortened for a phone. */
  private static final Map<String, String> HINTS = Map.of(
      Criterion.LEADERSHIP.name(), "团结协作、求真务实、勤政廉洁，有凝聚力和战斗力",
      Criterion.MEMBERSHIP.name(), "党员意识和责任意识强，作风过硬，发挥先锋模范作用",
      Criterion.MECHANISM.name(), "规章制度完善，党员教育管理和考核评价到位",
      Criterion.PERFORMANCE.name(), "工作成绩显著，完成上级目标任务，解决问题措施得力",
      Criterion.PUBLIC_FEEDBACK.name(), "为民办实事、办好事，作风和实绩群众认可");

  private final BallotService ballots;
  private final AttemptLimiter limiter;
  private final SecureRandom random = new SecureRandom();

  BallotController(BallotService ballots, AttemptLimiter limiter) {
    this.ballots = ballots;
    this.limiter = limiter;
  }

  /** Where a code is typed; a typed code comes back as ?code= and goes on to its ballot. */
  @GetMapping({"", "/"})
  String enter(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    model.addAttribute("title", "群众评议");
    if (code == null) {
      return "evaluate/enter";
    }
    Optional<String> normalized = BallotCodes.normalize(code);
    if (normalized.isEmpty()) {
      Duration wait = limiter.unknown(request.getRemoteAddr());
      if (!wait.isZero()) {
        return tooMany(wait, response, model);
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", "评议码格式不正确：评议码为 10 位，由数字和大写字母组成（不含 0、1、I、L、O）。");
      model.addAttribute("typed", code.length() > 20 ? code.substring(0, 20) : code);
      return "evaluate/enter";
    }
    return "redirect:/evaluate/" + normalized.get();
  }

  @GetMapping("/thanks")
  String thanks(Model model) {
    model.addAttribute("title", "评议已提交");
    return "evaluate/thanks";
  }

  @GetMapping("/{code}")
  String ballot(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
    String client = request.getRemoteAddr();
    BallotService.CodeCheck check = ballots.check(code);
    if (!check.valid()) {
      return refuse(check.status(), check.evaluation(), client, response, model);
    }
    String token = newToken(request, response);
    return page(check, token, Map.of(), null, List.of(), model);
  }

  @PostMapping("/{code}")
  String cast(@PathVariable String code, @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    String client = request.getRemoteAddr();
    String token = params.getFirst(TOKEN_FIELD);
    if (!sameSite(request, token)) {
      return message(response, model, HttpStatus.FORBIDDEN, "页面已失效",
          "评议页面已失效或不是从本网站提交的，评议没有保存。请重新打开评议页面后再提交。");
    }
    BallotService.CodeCheck check = ballots.check(code);
    if (!check.valid()) {
      return refuse(check.status(), check.evaluation(), client, response, model);
    }
    Map<String, String> fields = params.toSingleValueMap();
    BallotService.Parsed parsed = ballots.parse(check.evaluation(), fields);
    if (!parsed.problems().isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(check, token, fields, fields.get(BallotService.OPINION_FIELD), parsed.problems(), model);
    }
    BallotService.CodeStatus status = ballots.cast(check.code(), parsed.submission());
    if (status != BallotService.CodeStatus.VALID) {
      return refuse(status, check.evaluation(), client, response, model);
    }
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO));
    return "redirect:/evaluate/thanks";
  }

  /** Whatever fails unexpectedly is a page in Chinese, not the API's JSON. */
  @ExceptionHandler(Exception.class)
  String failed(Exception e, HttpServletResponse response, Model model) {
    LOG.error("Ballot page failed", e);
    return message(response, model, HttpStatus.INTERNAL_SERVER_ERROR, "系统出错",
        "系统暂时出错，评议没有保存。请稍后重试。");
  }

  private String page(BallotService.CodeCheck check, String token, Map<String, String> selected, String opinion,
      List<String> errors, Model model) {
    model.addAttribute("title", "群众评议");
    model.addAttribute("form", ballots.form(check.evaluation()));
    model.addAttribute("code", check.code());
    model.addAttribute("codeText", BallotCodes.display(check.code()));
    model.addAttribute("closes", EvaluationNotices.when(check.evaluation().getClosesAt()));
    model.addAttribute("hints", HINTS);
    model.addAttribute("satisfactions", Satisfaction.values());
    model.addAttribute("memberRatings", MemberRating.values());
    model.addAttribute("selected", selected);
    model.addAttribute("opinion", opinion);
    model.addAttribute("errors", errors);
    model.addAttribute("token", token);
    model.addAttribute("maxOpinion", EvaluationProcess.MAX_OPINION);
    return "evaluate/ballot";
  }

  private String refuse(BallotService.CodeStatus status, Evaluation evaluation, String client,
      HttpServletResponse response, Model model) {
    return switch (status) {
      case UNKNOWN -> {
        Duration wait = limiter.unknown(client);
        if (!wait.isZero()) {
          yield tooMany(wait, response, model);
        }
        yield message(response, model, HttpStatus.NOT_FOUND, "评议码无效",
            "没有这个评议码。请核对评议码（10 位，由数字和大写字母组成，不含 0、1、I、L、O）后重新输入。");
      }
      case USED -> message(response, model, HttpStatus.CONFLICT, "评议码已使用",
          "这个评议码已经使用过。每个评议码只能提交一次评议，本次没有保存任何内容。");
      case EXPIRED -> message(response, model, HttpStatus.GONE, "评议码已过期",
          "这个评议码已过期：本次评议已于 " + EvaluationNotices.when(evaluation.getClosesAt()) + " 截止，本次没有保存任何内容。");
      case CLOSED -> message(response, model, HttpStatus.GONE, "评议已结束",
          "本次群众评议已经结束，不再接受评议，本次没有保存任何内容。");
      case BUSY -> message(response, model, HttpStatus.SERVICE_UNAVAILABLE, "请稍后重试",
          "提交的人较多，评议没有保存。请稍后重新提交。");
      case VALID -> throw new IllegalArgumentException("a valid code is no refusal");
    };
  }

  /** An unknown code tried too soon after others from the same address. */
  private String tooMany(Duration wait, HttpServletResponse response, Model model) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return message(response, model, HttpStatus.TOO_MANY_REQUESTS, "尝试次数过多",
        "输入错误的评议码次数过多，请稍后再试（" + waitText(seconds) + "后）。请核对评议卡上的评议码；有效的评议码不受影响。");
  }

  static String waitText(long seconds) {
    if (seconds < 60) {
      return seconds + " 秒";
    }
    return ((seconds + 59) / 60) + " 分钟";
  }

  static String message(HttpServletResponse response, Model model, HttpStatus status, String title, String text) {
    response.setStatus(status.value());
    model.addAttribute("title", title);
    model.addAttribute("message", text);
    return "evaluate/message";
  }

  private String newToken(HttpServletRequest request, HttpServletResponse response) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, Duration.ofHours(4)));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    return token;
  }

  private static String cookie(HttpServletRequest request, String value, Duration maxAge) {
    return ResponseCookie.from(TOKEN_COOKIE, value).httpOnly(true).sameSite("Strict")
        .secure(request.isSecure()).path(request.getContextPath() + "/evaluate").maxAge(maxAge).build().toString();
  }

  /** The hidden token matches the cookie, and the browser, where it says, posted from this host. */
  static boolean sameSite(HttpServletRequest request, String token) {
    String cookie = null;
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (TOKEN_COOKIE.equals(c.getName())) {
          cookie = c.getValue();
        }
      }
    }
    if (token == null || token.isEmpty() || cookie == null
        || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    // Under this site's Referrer-Policy no-referrer, browsers send "Origin: null" even for the page's own
    // form; the token and the SameSite=Strict cookie (never sent from another site) still hold.
    if (origin == null || "null".equals(origin)) {
      return true;
    }
    try {
      String authority = URI.create(origin).getAuthority();
      return authority != null && authority.equalsIgnoreCase(request.getHeader(HttpHeaders.HOST));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
