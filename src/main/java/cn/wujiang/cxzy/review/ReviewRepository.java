package cn.wujiang.cxzy.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;

import jakarta.persistence.QueryHint;

import cn.wujiang.cxzy.config.KeyLookups;

interface ReviewRepository extends JpaRepository<Review, Long> {

  @QueryHints(@QueryHint(name = KeyLookups.FLUSH_MODE, value = KeyLookups.NO_FLUSH))
  Optional<Review> findByOrgCodeAndMemberNoIsNullAndPhaseIdAndRound(String orgCode, String phaseId, int round);

  @QueryHints(@QueryHint(name = KeyLookups.FLUSH_MODE, value = KeyLookups.NO_FLUSH))
  Optional<Review> findByOrgCodeAndMemberNoAndPhaseIdAndRound(String orgCode, String memberNo, String phaseId,
      int round);

  @QueryHints(@QueryHint(name = KeyLookups.FLUSH_MODE, value = KeyLookups.NO_FLUSH))
  List<Review> findByOrgCodeAndPhaseIdOrderByRoundDescReviewedAtDesc(String orgCode, String phaseId);
}
