package cn.wujiang.cxzy.commitment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;

import jakarta.persistence.QueryHint;

import cn.wujiang.cxzy.config.KeyLookups;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {

  @QueryHints(@QueryHint(name = KeyLookups.FLUSH_MODE, value = KeyLookups.NO_FLUSH))
  Optional<Commitment> findByOrgCodeAndPhaseId(String orgCode, String phaseId);

  List<Commitment> findByStatusOrderByOrgCode(Commitment.Status status);
}

interface CommitmentItemRepository extends JpaRepository<CommitmentItem, Long> {

  @QueryHints(@QueryHint(name = KeyLookups.FLUSH_MODE, value = KeyLookups.NO_FLUSH))
  List<CommitmentItem> findByCommitmentIdOrderBySeq(Long commitmentId);

  List<CommitmentItem> findByCommitmentIdInOrderBySeq(List<Long> commitmentIds);

  void deleteByCommitmentId(Long commitmentId);
}

interface MemberCommitmentRepository extends JpaRepository<MemberCommitment, Long> {

  List<MemberCommitment> findByCommitmentIdOrderByMemberNo(Long commitmentId);

  List<MemberCommitment> findByCommitmentIdInOrderByMemberNo(List<Long> commitmentIds);

  @QueryHints(@QueryHint(name = KeyLookups.FLUSH_MODE, value = KeyLookups.NO_FLUSH))
  Optional<MemberCommitment> findByCommitmentIdAndMemberNo(Long commitmentId, String memberNo);
}
