package cn.wujiang.cxzy.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wujiang.cxzy.web.ApiError;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, form fields
 * username and password) goes through the same LoginThrottle as HTTP Basic: while the account or the
 * address waits, the form is answered 429 without the password being checked.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  WebappLoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The resource reads the same fields with @FormParam, which still works once they are parsed here.
    String username = request.getParameter("username");
    String address = request.getRemoteAddr();
    LoginThrottle.Verdict verdict = throttle.check(username, address);
    if (!verdict.allowed()) {
      byte[] body = json.writeValueAsBytes(ApiError.of(String.format(LoginFilter.WAIT, verdict.retryAfterSeconds())));
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
    // 401: a wrong password; 2xx: the right one. Anything else (403 from the webapp's own checks, or the
    // right password of someone without access to this webapp) neither counts nor clears.
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(username, address);
    } else if (status >= 200 && status < 300) {
      throttle.succeeded(username);
    }
  }
}
