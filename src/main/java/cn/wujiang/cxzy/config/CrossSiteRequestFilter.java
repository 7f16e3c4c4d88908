package cn.wujiang.cxzy.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wujiang.cxzy.web.ApiError;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a browser sends on behalf of another
 * site, before any handler or login runs: the browser names the page that made it in {@code Origin}
 * (or, without it, {@code Referer}), and in {@code Sec-Fetch-Site}. A login cached by the browser (a
 * session cookie, HTTP Basic) then cannot be used by a page of another site. Same origin is the scheme,
 * host and port this request was addressed to, as the server sees them (after the forward headers,
 * where server.forward-headers-strategy is set). Requests without any of these headers (curl, scripts)
 * come from no page and pass.
 * <p>
 * {@code Origin: null} is what a browser sends for an opaque origin (a sandboxed frame, a data: page)
 * and, under this site's Referrer-Policy no-referrer, for our own form posts too; it passes only where
 * the browser also says same-origin, or on the ballot page, which checks its own token (BallotController).
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestFilter.class);

  static final String MESSAGE = "拒绝跨站请求：此操作只能在本系统的页面上进行。如果您没有从其他网站发起此操作，请直接打开本系统后重试。";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

  private final byte[] body;

  CrossSiteRequestFilter(ObjectMapper json) {
    try {
      this.body = json.writeValueAsString(ApiError.of(MESSAGE)).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (crossSite(request)) {
      LOG.warn("Refused cross-site {} {} (Origin {}, Referer {}, Sec-Fetch-Site {})", request.getMethod(),
          request.getRequestURI(), request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.REFERER),
          request.getHeader(SEC_FETCH_SITE));
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean crossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader(SEC_FETCH_SITE);
    if ("cross-site".equalsIgnoreCase(trim(fetchSite))) {
      return true;
    }
    String origin = trim(request.getHeader(HttpHeaders.ORIGIN));
    if (origin != null) {
      if ("null".equals(origin)) {
        return !"same-origin".equalsIgnoreCase(trim(fetchSite)) && !ballotPage(request);
      }
      return !sameOrigin(origin, request);
    }
    String referer = trim(request.getHeader(HttpHeaders.REFERER));
    return referer != null && !sameOrigin(referer, request);
  }

  private static boolean ballotPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/evaluate/");
  }

  /** The scheme, host and port of the URL equal the request's own (default ports filled in). */
  static boolean sameOrigin(String url, HttpServletRequest request) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String scheme = uri.getScheme();
    String host = uri.getHost();
    if (scheme == null || host == null) {
      return false;
    }
    return scheme.equalsIgnoreCase(request.getScheme())
        && host.equalsIgnoreCase(request.getServerName())
        && port(scheme, uri.getPort()) == port(request.getScheme(), request.getServerPort());
  }

  private static int port(String scheme, int port) {
    if (port > 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private static String trim(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
