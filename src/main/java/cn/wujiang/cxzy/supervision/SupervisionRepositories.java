package cn.wujiang.cxzy.supervision;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpotCheckDrawRepository extends JpaRepository<SpotCheckDraw, String> {

  List<SpotCheckDraw> findByPhaseIdOrderByDrawnAt(String phaseId);
}

interface InspectionRepository extends JpaRepository<Inspection, Long> {

  Optional<Inspection> findByDrawIdAndOrgCode(String drawId, String orgCode);

  List<Inspection> findByDrawId(String drawId);
}
