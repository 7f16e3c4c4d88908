package cn.wujiang.cxzy.commitment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.wujiang.cxzy.config.KeyLookup;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {

  @KeyLookup
  Optional<Commitment> findByOrgCodeAndPhaseId(String orgCode, String phaseId);

  List<Commitment> findByStatusOrderByOrgCode(Commitment.Status status);
}

interface CommitmentItemRepository extends JpaRepository<CommitmentItem, Long> {

  @KeyLookup
  List<CommitmentItem> findByCommitmentIdOrderBySeq(Long commitmentId);

  List<CommitmentItem> findByCommitmentIdInOrderBySeq(List<Long> commitmentIds);

  void deleteByCommitmentId(Long commitmentId);
}

interface MemberCommitmentRepository extends JpaRepository<MemberCommitment, Long> {

  List<MemberCommitment> findByCommitmentIdOrderByMemberNo(Long commitmentId);

  List<MemberCommitment> findByCommitmentIdInOrderByMemberNo(List<Long> commitmentIds);

  @KeyLookup
  Optional<MemberCommitment> findByCommitmentIdAndMemberNo(Long commitmentId, String memberNo);
}
