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
 * A refused task form answers 400 with our Chinese message; the engine's REST layer puts the English
 * words "Cannot submit task form {id}:" in front of it, which Tasklist would show as they are. This
 * takes them off, on the form submissions of Tasklist and of /engine-rest only.
 */
@Component
@Order(2)
class FormErrorMessageFilter extends OncePerRequestFilter {

  private static final Pattern SUBMIT =
      Pattern.compile(".*/(task/[^/]+/(submit-form|complete)|process-definition/.+/(submit-form|start))$");
  private static final Pattern PREFIX =
      Pattern.compile("Cannot (submit task form|complete task|instantiate process definition) [^:\"]*: ");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !SUBMIT.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
      String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      String cleaned = PREFIX.matcher(body).replaceFirst("");
      if (!cleaned.equals(body)) {
        wrapper.resetBuffer();
        byte[] bytes = cleaned.getBytes(StandardCharsets.UTF_8);
        wrapper.getResponse().setContentLength(bytes.length);
        wrapper.getResponse().getOutputStream().write(bytes);
        return;
      }
    }
    wrapper.copyBodyToResponse();
  }
}
