package cn.wujiang.cxzy.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeRepository extends JpaRepository<Notice, Long> {

  boolean existsByEventKey(String eventKey);

  List<Notice> findByUsernameOrderByCreatedAtDesc(String username, Pageable page);

  long countByUsernameAndReadAtIsNull(String username);

  List<Notice> findByEmailStatusAndNextAttemptAtLessThanEqualOrderById(Notice.EmailStatus status,
      Instant now, Pageable page);

  List<Notice> findByEventKeyStartingWith(String prefix);
}
