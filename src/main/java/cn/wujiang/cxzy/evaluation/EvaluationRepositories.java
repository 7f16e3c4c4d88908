package cn.wujiang.cxzy.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

  Optional<Evaluation> findByOrgCodeAndPhaseIdAndYear(String orgCode, String phaseId, int year);

  List<Evaluation> findByPhaseIdAndStatusInOrderByOrgCode(String phaseId, Collection<Evaluation.Status> statuses);

  List<Evaluation> findByStatusAndAnnounceScopeOrderByYearDescOrgCode(Evaluation.Status status,
      EvaluationProperties.AnnounceScope scope);
}

interface EvaluationResultRepository extends JpaRepository<EvaluationResult, Long> {

  List<EvaluationResult> findByEvaluationIdOrderById(Long evaluationId);

  List<EvaluationResult> findByEvaluationIdInOrderById(Collection<Long> evaluationIds);

  void deleteByEvaluationId(Long evaluationId);
}

interface GradeChangeRepository extends JpaRepository<GradeChange, Long> {

  List<GradeChange> findByResultIdInOrderByChangedAt(Collection<Long> resultIds);
}
