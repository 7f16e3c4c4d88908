package cn.wujiang.cxzy.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.wujiang.cxzy.DemoCityTest;

/**
 * Routing reads the organization tree from memory, and reads it again once it changed: by an import on
 * another node (the version in org_directory) or by a write in this process.
 */
@DemoCityTest
class OrganizationTreeTest {

  @Autowired
  OrganizationService organizations;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aChangeMadeOnAnotherNodeIsSeenOnceItsVersionIsRaised() {
    assertThat(organizations.leadingBody("tl-zx").getCode()).isEqualTo("town-tongli");
    try {
      // Another node moves the school to another town, as its import would: rows and version together.
      jdbc.update("update org_organization set leader_code = 'town-shengze' where code = 'tl-zx'");
      assertThat(organizations.leadingBody("tl-zx").getCode())
          .as("without a new version this node still answers from memory").isEqualTo("town-tongli");
      jdbc.update("update org_directory set version = version + 1 where id = 1");
      assertThat(organizations.leadingBody("tl-zx").getCode()).isEqualTo("town-shengze");
      assertThat(organizations.approvers("tl-zx")).extracting(Organization::getCode)
          .containsExactly("town-shengze", "edu-bureau");
    } finally {
      jdbc.update("update org_organization set leader_code = 'town-tongli' where code = 'tl-zx'");
      jdbc.update("update org_directory set version = version + 1 where id = 1");
    }
    assertThat(organizations.leadingBody("tl-zx").getCode()).isEqualTo("town-tongli");
  }

  @Autowired
  ImportService imports;

  @Test
  void anImportRaisesTheVersion() {
    Long before = jdbc.queryForObject("select version from org_directory where id = 1", Long.class);
    imports.importOrganizations("""
        code,name,type,system,leader_code,grassroots,unit
        edu-syxx,吴江市实验小学党支部,党支部,教育,edu-bureau,是,吴江市实验小学
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(jdbc.queryForObject("select version from org_directory where id = 1", Long.class))
        .isEqualTo(before + 1);
  }
}
