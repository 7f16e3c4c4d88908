package cn.wujiang.cxzy.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Holds requests until the start is complete. The web server listens before the start-up steps have run
 * (the schemas, the demo city, the identities, the Tasklist filters); a request in that time would meet a
 * half-made city, or make the start itself fail. Until the application is ready a request waits briefly,
 * then gets 503 with a Chinese message and Retry-After. The health probes are never held: the readiness
 * probe says when to send traffic, the liveness probe that the node is alive.
 */
@Configuration
class StartupGate {

  static final Duration WAIT = Duration.ofSeconds(2);
  static final String RETRY_AFTER_SECONDS = "5";
  static final String MESSAGE = "系统正在启动，请稍后再试。";

  private final CountDownLatch ready = new CountDownLatch(1);

  @EventListener(ApplicationReadyEvent.class)
  void open() {
    ready.countDown();
  }

  boolean isOpen() {
    return ready.getCount() == 0;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> startupGateFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Gate());
    registration.setName("startupGate");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private final class Gate extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (isOpen() || isHealthProbe(request) || awaitReady()) {
        chain.doFilter(request, response);
        return;
      }
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String accept = request.getHeader(HttpHeaders.ACCEPT);
      if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
            + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\"><title>" + MESSAGE
            + "</title></head><body><p>" + MESSAGE + "</p></body></html>");
      } else {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8");
        response.getWriter().write("{\"message\":\"" + MESSAGE + "\",\"errors\":[]}");
      }
    }

    private boolean isHealthProbe(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private boolean awaitReady() {
      try {
        return ready.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
