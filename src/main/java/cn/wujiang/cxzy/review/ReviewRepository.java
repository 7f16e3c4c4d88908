package cn.wujiang.cxzy.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.wujiang.cxzy.config.KeyLookup;

interface ReviewRepository extends JpaRepository<Review, Long> {

  @KeyLookup
  Optional<Review> findByOrgCodeAndMemberNoIsNullAndPhaseIdAndRound(String orgCode, String phaseId, int round);

  @KeyLookup
  Optional<Review> findByOrgCodeAndMemberNoAndPhaseIdAndRound(String orgCode, String memberNo, String phaseId,
      int round);

  @KeyLookup
  List<Review> findByOrgCodeAndPhaseIdOrderByRoundDescReviewedAtDesc(String orgCode, String phaseId);
}
