package cn.wujiang.cxzy.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An upload over the multipart limit answers 413 with a Chinese JSON body. One that announces its size
 * (Content-Length) is refused before anything reads it, ahead of the login check; one that does not
 * (chunked) is refused by the multipart parser at the limit, before any controller is chosen, which
 * is why the handler below applies to every controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadSizeLimit extends OncePerRequestFilter {

  private final DataSize maxRequestSize;

  UploadSizeLimit(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  static String message(DataSize max) {
    return "文件过大：上传的内容最大 " + max.toMegabytes() + " MB，请删除多余内容或分批导入";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.toLowerCase().startsWith("multipart/")
        && request.getContentLengthLong() > maxRequestSize.toBytes()) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      // The body is not read: the connection closes after the answer instead of waiting for it.
      response.setHeader(HttpHeaders.CONNECTION, "close");
      response.getWriter().write("{\"message\":\"" + message(maxRequestSize) + "\",\"errors\":[]}");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The multipart parser's refusal, for every controller (the API's advice applies to its own only). */
  @RestControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class TooLarge {

    private final DataSize maxRequestSize;

    TooLarge(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
      this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
          .header(HttpHeaders.CONNECTION, "close").body(ApiError.of(message(maxRequestSize)));
    }
  }
}
