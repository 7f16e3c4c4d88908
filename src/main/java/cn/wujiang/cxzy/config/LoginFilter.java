package cn.wujiang.cxzy.config;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wujiang.cxzy.web.ApiError;

/**
 * Who is calling {@code /engine-rest}, {@code /api} and {@code /progress}: the engine's current
 * authentication for the request, from one of
 * <ul>
 * <li>the webapps' own login session (Tasklist's login), on the paths given: the progress page and the
 * inbox, which a person opens from Tasklist;</li>
 * <li>HTTP Basic sent with the request, for scripts (curl -u); wrong passwords are slowed down by the
 * LoginThrottle, per account and address, and never lock an account.</li>
 * </ul>
 * No answer carries a {@code WWW-Authenticate: Basic} challenge: a browser would pop up its own password
 * dialog and then send the cached login along with requests made by any other site. Without a login the
 * API answers 401 with a Chinese message, and a page ({@code /progress}) sends the browser to the
 * Tasklist login.
 */
class LoginFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginFilter.class);

  static final String LOGIN_REQUIRED = "请先登录：请在待办任务（Tasklist）中登录后重试，脚本请使用 HTTP Basic 发送用户名和密码";
  static final String WRONG_LOGIN = "用户名或密码不正确";
  static final String WAIT = "登录失败次数过多，请在 %d 秒后再试";

  /** Where a browser without a login goes; {@code next} names the page it came for (Tasklist ignores it). */
  static final String TASKLIST_LOGIN = "/camunda/app/tasklist/default/?next=%s#/login";

  /** The webapps' default time to live of the login in a session before it is read again. */
  private static final long WEBAPP_CACHE_TTL_MILLIS = 300_000L;

  private final ProcessEngine engine;
  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final Predicate<String> sessionLogin;
  private final boolean redirectToLogin;

  /**
   * @param sessionLogin the paths (after the context path) that take the webapps' session
   * @param redirectToLogin whether a GET without a login is sent to the Tasklist login (a page)
   */
  LoginFilter(ProcessEngine engine, LoginThrottle throttle, ObjectMapper json, Predicate<String> sessionLogin,
      boolean redirectToLogin) {
    this.engine = engine;
    this.throttle = throttle;
    this.json = json;
    this.sessionLogin = sessionLogin;
    this.redirectToLogin = redirectToLogin;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IdentityService identity = engine.getIdentityService();
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    String userId = null;
    List<String> groups = null;
    List<String> tenants = null;

    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] login = decode(authorization.substring(6).trim());
      if (login == null) {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, WRONG_LOGIN);
        return;
      }
      String address = request.getRemoteAddr();
      LoginThrottle.Verdict verdict = throttle.check(login[0], address);
      if (!verdict.allowed()) {
        tooMany(response, verdict);
        return;
      }
      identity.clearAuthentication();
      if (!identity.checkPassword(login[0], login[1])) {
        throttle.failed(login[0], address);
        LOG.info("Failed login of '{}' from {}", login[0], address);
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, WRONG_LOGIN);
        return;
      }
      throttle.succeeded(login[0]);
      userId = login[0];
    } else if (sessionLogin.test(path(request))) {
      UserAuthentication session = sessionAuthentication(request);
      if (session != null) {
        userId = session.getIdentityId();
        groups = session.getGroupIds();
        tenants = session.getTenantIds();
      }
    }

    if (userId == null) {
      if (redirectToLogin && "GET".equals(request.getMethod())) {
        response.sendRedirect(request.getContextPath() + String.format(TASKLIST_LOGIN,
            URLEncoder.encode(next(request), StandardCharsets.UTF_8)));
        return;
      }
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, LOGIN_REQUIRED);
      return;
    }

    if (groups == null) {
      groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
          .map(Tenant::getId).toList();
    }
    try {
      identity.setAuthentication(userId, groups, tenants);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The login of the webapps in this session, for this engine, as Camunda's own AuthenticationFilter
   * keeps it (and refreshes it from the database once its cache time is over).
   */
  private UserAuthentication sessionAuthentication(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    AuthenticationUtil.updateCache(authentications, session, WEBAPP_CACHE_TTL_MILLIS);
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication instanceof UserAuthentication user ? user : null;
  }

  /** The page to come back to, relative to the context path: the path and query of this request. */
  private static String next(HttpServletRequest request) {
    String path = path(request);
    String query = request.getQueryString();
    return query == null ? path : path + "?" + query;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static String[] decode(String token) {
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void tooMany(HttpServletResponse response, LoginThrottle.Verdict verdict) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
    refuse(response, 429, String.format(WAIT, verdict.retryAfterSeconds()));
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    byte[] body = json.writeValueAsBytes(ApiError.of(message));
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
