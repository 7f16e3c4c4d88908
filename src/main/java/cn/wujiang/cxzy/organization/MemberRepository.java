package cn.wujiang.cxzy.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberRepository extends JpaRepository<Member, String> {

  List<Member> findByOrgCodeOrderByMemberNo(String orgCode);

  Optional<Member> findByUsername(String username);

  @Query("select m.orgCode as orgCode, count(m) as members from Member m where m.orgCode in :orgCodes group by m.orgCode")
  List<OrgCount> countByOrgCodeIn(@Param("orgCodes") Collection<String> orgCodes);

  /** A row of {@link #countByOrgCodeIn}. */
  interface OrgCount {
    String getOrgCode();

    long getMembers();
  }
}
