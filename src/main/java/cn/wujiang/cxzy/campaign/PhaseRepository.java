package cn.wujiang.cxzy.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import jakarta.persistence.LockModeType;

interface PhaseRepository extends JpaRepository<Phase, String> {

  List<Phase> findAllByOrderByNumber();

  boolean existsByNumber(int number);

  /** The phase, its row locked until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<Phase> findLockedById(String id);
}
