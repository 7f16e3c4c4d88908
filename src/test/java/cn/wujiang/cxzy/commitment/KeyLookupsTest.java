package cn.wujiang.cxzy.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * Lookups that run without flushing the session first ({@link cn.wujiang.cxzy.config.KeyLookup}) see
 * what their own transaction wrote: a new commitment, a replaced draft's items, a member's claim and
 * a status changed in memory, as a task's listener reads them after another wrote them in the same
 * transaction.
 */
@DemoCityTest
class KeyLookupsTest {

  private static final String ORG = "tl-zx";

  @Autowired CommitmentService commitments;
  @Autowired OrganizationService organizations;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void lookupsInOneTransactionSeeWhatItWrote() {
    String phase = "k" + UUID.randomUUID().toString().substring(0, 8);
    String memberNo = organizations.members(ORG).get(0).getMemberNo();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(commitments.find(ORG, phase)).isEmpty();
      commitments.saveDraft(ORG, phase, draft("开展结对帮扶", "每周答疑一次"));
      assertThat(commitments.find(ORG, phase)).get().extracting(Commitment::getStatus)
          .isEqualTo(Commitment.Status.SUBMITTED);
      assertThat(commitments.items(ORG, phase)).extracting(CommitmentItem::getText)
          .containsExactly("开展结对帮扶", "每周答疑一次");

      commitments.saveDraft(ORG, phase, draft("建设书香校园"));
      assertThat(commitments.items(ORG, phase)).extracting(CommitmentItem::getText).containsExactly("建设书香校园");

      commitments.approve(ORG, phase, "leader", "同意");
      assertThat(commitments.find(ORG, phase)).get().extracting(Commitment::getStatus)
          .isEqualTo(Commitment.Status.APPROVED);

      assertThat(commitments.memberCommitment(ORG, phase, memberNo)).isEmpty();
      commitments.claim(ORG, phase, memberNo, List.of(1), "每月读一本书", "secretary");
      assertThat(commitments.memberCommitment(ORG, phase, memberNo)).get().extracting(MemberCommitment::getText)
          .isEqualTo("每月读一本书");
    });
    assertThat(commitments.items(ORG, phase)).extracting(CommitmentItem::getText).containsExactly("建设书香校园");
  }

  private static CommitmentService.Draft draft(String... items) {
    return new CommitmentService.Draft("立足岗位作贡献", "办人民满意教育", List.of(items), "五个好", "五带头", List.of());
  }
}
