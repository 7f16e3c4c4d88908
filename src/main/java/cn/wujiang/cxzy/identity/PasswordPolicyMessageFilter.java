package cn.wujiang.cxzy.identity;

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
 * A password refused by the password policy reaches the person in Chinese (Admin shows the message
 * after 无法修改密码：) as a 400, instead of the engine's English "Password does not match policy" as
 * a 500; on the user creation and password change of /engine-rest and of the webapps' own REST.
 */
@Component
@Order(3)
class PasswordPolicyMessageFilter extends OncePerRequestFilter {

  static final String MESSAGE = "密码不符合要求：至少 " + IdentityEnginePlugin.MIN_LENGTH
      + " 个字符，含小写字母、大写字母和数字，且不得包含用户名、姓名或邮箱";

  private static final Pattern USER_CHANGE = Pattern.compile(".*/user/(create|[^/]+/credentials)$");
  private static final String ENGINE_MESSAGE = "Password does not match policy";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
        || !USER_CHANGE.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    if (wrapper.getStatus() >= 400) {
      String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      if (body.contains(ENGINE_MESSAGE)) {
        wrapper.resetBuffer();
        wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        wrapper.setContentType("application/json;charset=UTF-8");
        byte[] bytes = ("{\"type\":\"PasswordPolicyException\",\"message\":\"" + MESSAGE + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        wrapper.getResponse().setContentLength(bytes.length);
        wrapper.getResponse().getOutputStream().write(bytes);
        return;
      }
    }
    wrapper.copyBodyToResponse();
  }
}
