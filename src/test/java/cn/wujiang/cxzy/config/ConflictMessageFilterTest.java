package cn.wujiang.cxzy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConflictMessageFilterTest {

  private static MockHttpServletResponse answer(String uri, int status, String body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain chain = (req, res) -> {
      ((HttpServletResponse) res).setStatus(status);
      res.setContentType("application/json");
      res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    };
    new ConflictMessageFilter().doFilter(request, response, chain);
    return response;
  }

  @Test
  void aClashOfTheEngineIs409InChinese() throws Exception {
    MockHttpServletResponse response = answer("/engine-rest/task/1/submit-form", 500,
        "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 1: ENGINE-03005 Execution of "
            + "'UPDATE ExecutionEntity[2]' failed. Entity was updated by another transaction concurrently.\"}");

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains(ConflictMessageFilter.CONCURRENT_MESSAGE).doesNotContain("ENGINE", "Entity");
  }

  @Test
  void aTaskClaimedByAnotherPersonIs409InChinese() throws Exception {
    MockHttpServletResponse response = answer("/camunda/api/engine/engine/default/task/1/claim", 500,
        "{\"type\":\"TaskAlreadyClaimedException\",\"message\":\"Task '1' is already claimed by someone else.\"}");

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("已被其他人签收");
  }

  @Test
  void otherErrorsAndOtherPathsAreLeftAlone() throws Exception {
    String refused = "{\"type\":\"RestException\",\"message\":\"请修改后再提交：承诺内容不能为空\"}";
    MockHttpServletResponse response = answer("/engine-rest/task/1/submit-form", 400, refused);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(refused);

    String api = "{\"message\":\"OptimisticLockingException\"}";
    assertThat(answer("/api/phases", 500, api).getStatus()).isEqualTo(500);
  }
}
