package cn.wujiang.cxzy.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.commitment.CommitmentService;

/** The public commitment board: published data only, search by name, everything escaped, no login. */
@DemoCityTest
class CommitmentBoardTest {

  @Autowired TestRestTemplate http;
  @Autowired CommitmentService commitments;

  @Test
  void onlyPublishedCommitmentsAppearAndTextIsEscaped() {
    String phase = "b" + UUID.randomUUID().toString().substring(0, 8);
    commitments.saveDraft("ll-sqws", phase, new CommitmentService.Draft("指导", "<script>alert('x')</script>目标",
        List.of("上门随访慢病老人", "<b>加粗</b>事项"), "标准", "标准", List.of("党员医德标兵")));
    commitments.saveDraft("qd-wsy", phase, new CommitmentService.Draft("未公开的指导", "未公开的目标",
        List.of("尚在审核的承诺事项"), "标准", "标准", List.of()));
    commitments.approve("ll-sqws", phase, "town-lili.sec", null);
    commitments.publish("ll-sqws", phase);

    ResponseEntity<String> page = http.getForEntity("/board/commitments", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String html = page.getBody();
    assertThat(html).contains("承诺公示", "黎里镇社区卫生服务中心党支部", "上门随访慢病老人", "卫生系统", "中共黎里镇委员会");
    assertThat(html).doesNotContain("尚在审核的承诺事项");
    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;目标");
    assertThat(html).doesNotContain("<b>加粗</b>").contains("&lt;b&gt;加粗&lt;/b&gt;事项");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(html).contains("name=\"viewport\"");
  }

  @Test
  void searchFindsByOrganizationNameAndSaysWhenNothingMatches() {
    String phase = "s" + UUID.randomUUID().toString().substring(0, 8);
    commitments.saveDraft("fh-wsy", phase, new CommitmentService.Draft("指导", "目标", List.of("义诊"), "标准", "标准", List.of()));
    commitments.publish("fh-wsy", phase);
    assertThat(http.getForObject("/board/commitments?q=汾湖", String.class)).contains("汾湖经济开发区卫生院党支部");
    assertThat(http.getForObject("/board/commitments?q=汾湖", String.class)).doesNotContain("黎里镇社区卫生服务中心党支部");
    String none = http.getForObject("/board/commitments?q=<i>不存在的单位</i>", String.class);
    assertThat(none).contains("没有找到名称包含“<span>&lt;i&gt;不存在的单位&lt;/i&gt;</span>”的单位").doesNotContain("<i>不存在");
  }

  @Test
  void theBoardNeedsNoLoginAndRedirectsFromItsRoot() {
    ResponseEntity<String> root = http.getForEntity("/board", String.class);
    assertThat(root.getStatusCode().is2xxSuccessful() || root.getStatusCode().is3xxRedirection()).isTrue();
    assertThat(http.getForEntity("/board/board.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
