package cn.wujiang.cxzy.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A change that lost a race with someone else's change of the same thing (two people completing sibling
 * tasks at the same moment when the engine's own retries are used up, a task claimed by another person
 * first) answers 409 with a Chinese sentence saying what happened and what to do, on /engine-rest and on
 * Tasklist's REST (/camunda/api/engine). The engine's REST layer answers these with 500 (or 400) and the
 * engine's English text, which Tasklist would show as it is.
 */
@Component
@Order(3)
public class ConflictMessageFilter extends OncePerRequestFilter {

  /** Someone else changed the same thing at the same moment. */
  public static final String CONCURRENT_MESSAGE = "其他人刚刚同时处理了同一流程，您的提交未能保存。请刷新页面后重试。";
  /** The task was claimed (签收) by another person first. */
  public static final String CLAIMED_MESSAGE = "该任务已被其他人签收，您不能再签收或办理。请刷新任务列表。";

  private static final Pattern CONCURRENT = Pattern.compile(
      "OptimisticLockingException|CrdbTransactionRetryException|ENGINE-03005|updated by another transaction concurrently");
  private static final Pattern CLAIMED = Pattern.compile("TaskAlreadyClaimedException|is already claimed by someone else");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    int status = wrapper.getStatus();
    if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR || status == HttpServletResponse.SC_BAD_REQUEST) {
      String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      String message = CLAIMED.matcher(body).find() ? CLAIMED_MESSAGE
          : CONCURRENT.matcher(body).find() ? CONCURRENT_MESSAGE : null;
      if (message != null) {
        logger.info("Conflict answered with 409 on " + request.getRequestURI() + ": " + abbreviate(body));
        String json = "{\"type\":\"ConflictException\",\"message\":\"" + message + "\",\"code\":409}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        wrapper.resetBuffer();
        HttpServletResponse raw = (HttpServletResponse) wrapper.getResponse();
        raw.setStatus(HttpServletResponse.SC_CONFLICT);
        raw.setContentType("application/json;charset=UTF-8");
        raw.setContentLength(bytes.length);
        raw.getOutputStream().write(bytes);
        return;
      }
    }
    wrapper.copyBodyToResponse();
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
