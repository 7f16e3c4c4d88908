package cn.wujiang.cxzy.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, String> {

  List<Member> findByOrgCodeOrderByMemberNo(String orgCode);

  Optional<Member> findByUsername(String username);
}
