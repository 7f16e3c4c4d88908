package cn.wujiang.cxzy.campaign;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PhaseRepository extends JpaRepository<Phase, String> {

  List<Phase> findAllByOrderByNumber();

  boolean existsByNumber(int number);
}
