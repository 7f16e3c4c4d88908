package cn.wujiang.cxzy.commendation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.wujiang.cxzy.config.KeyLookup;

interface CommendationRoundRepository extends JpaRepository<CommendationRound, Long> {

  @KeyLookup
  Optional<CommendationRound> findByCommitteeCodeAndPhaseId(String committeeCode, String phaseId);

  List<CommendationRound> findByPhaseIdOrderByCommitteeCode(String phaseId);
}

interface QuotaRepository extends JpaRepository<Quota, Quota.Key> {

  /** Without a flush: the quotas of a round are flushed where they are written ({@code rank}). */
  @KeyLookup
  List<Quota> findByRoundIdOrderByTitle(Long roundId);

  void deleteByRoundId(Long roundId);
}

interface CandidateRepository extends JpaRepository<Candidate, Long> {

  @KeyLookup
  List<Candidate> findByRoundIdOrderByRankAscSubjectAsc(Long roundId);

  @KeyLookup
  List<Candidate> findByRoundIdAndOrgCodeAndMemberNoIsNotNullOrderByRankAscSubjectAsc(Long roundId, String orgCode);

  @KeyLookup
  Optional<Candidate> findByRoundIdAndSubject(Long roundId, String subject);

  void deleteByRoundId(Long roundId);
}

interface NominationReplyRepository extends JpaRepository<NominationReply, Long> {

  List<NominationReply> findByRoundIdOrderByOrgCode(Long roundId);

  boolean existsByRoundIdAndOrgCode(Long roundId, String orgCode);
}

interface NominationRepository extends JpaRepository<Nomination, Long> {

  List<Nomination> findByRoundIdOrderById(Long roundId);

  List<Nomination> findByRoundIdInOrderById(Collection<Long> roundIds);

  List<Nomination> findByPhaseIdOrderById(String phaseId);

  boolean existsByPhaseIdAndSubjectAndTitle(String phaseId, String subject, Title title);

  long countByRoundId(Long roundId);
}

interface NominationDecisionRepository extends JpaRepository<NominationDecision, Long> {

  List<NominationDecision> findByNominationIdOrderByDecidedAtAscIdAsc(Long nominationId);

  List<NominationDecision> findByNominationIdInOrderByDecidedAtAscIdAsc(Collection<Long> nominationIds);
}

interface AwardedTitleRepository extends JpaRepository<AwardedTitle, Long> {

  List<AwardedTitle> findByPhaseIdOrderByTitleAscCommitteeCodeAscSubjectAsc(String phaseId);

  List<AwardedTitle> findAllByOrderByAwardedAtDescTitleAscSubjectAsc();

  boolean existsByPhaseIdAndSubjectAndTitle(String phaseId, String subject, Title title);
}
