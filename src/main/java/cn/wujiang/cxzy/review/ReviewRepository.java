package cn.wujiang.cxzy.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRepository extends JpaRepository<Review, Long> {

  Optional<Review> findByOrgCodeAndMemberNoIsNullAndPhaseIdAndRound(String orgCode, String phaseId, int round);

  Optional<Review> findByOrgCodeAndMemberNoAndPhaseIdAndRound(String orgCode, String memberNo, String phaseId,
      int round);

  List<Review> findByOrgCodeAndPhaseIdOrderByRoundDescReviewedAtDesc(String orgCode, String phaseId);
}
