package cn.wujiang.cxzy.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, String> {

  List<Organization> findByLeaderCode(String leaderCode);

  List<Organization> findByLeaderCodeIsNull();
}
