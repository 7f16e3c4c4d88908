package cn.wujiang.cxzy.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Test data around the demo city: fixture files, the demo CSV read as plain text (so that expected
 * values never come from the code under test), and removal of what a test imported, so that tests
 * sharing the application context see the demo city as it was loaded.
 */
public final class TestCity {

  private final OrganizationRepository organizations;
  private final MemberRepository members;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final OrganizationService organizationService;

  public TestCity(ApplicationContext context) {
    this.organizationService = context.getBean(OrganizationService.class);
    this.authorizationService = context.getBean(AuthorizationService.class);
    this.organizations = context.getBean(OrganizationRepository.class);
    this.members = context.getBean(MemberRepository.class);
    this.identityService = context.getBean(IdentityService.class);
  }

  /** Removes members, organizations, and their Camunda users and groups; absent ones are skipped. */
  public void remove(Collection<String> orgCodes, Collection<String> memberNos, Collection<String> usernames) {
    identityService.clearAuthentication();
    members.deleteAllById(memberNos.stream().filter(members::existsById).toList());
    organizations.deleteAllById(orgCodes.stream().filter(organizations::existsById).toList());
    for (String username : usernames) {
      if (identityService.createUserQuery().userId(username).count() > 0) {
        identityService.deleteUser(username);
      }
    }
    for (String code : orgCodes) {
      if (identityService.createGroupQuery().groupId(code).count() > 0) {
        identityService.deleteGroup(code);
      }
      // The engine keeps a deleted group's grants; a code imported again would find them.
      authorizationService.createAuthorizationQuery().groupIdIn(code).list().stream()
          .filter(a -> code.equals(a.getGroupId()))
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }

  /**
   * Saves an organization and its member as they are, without the import's checks: data an earlier
   * version let in, or that reached the tables some other way. The tree is marked changed.
   */
  public void saveUnchecked(Organization org, Member member) {
    organizations.saveAndFlush(org);
    members.saveAndFlush(member);
    organizationService.treeChanged();
  }

  /** Removes organizations saved unchecked, leaving the engine groups of their codes alone. */
  public void removeUnchecked(Collection<String> orgCodes) {
    organizations.deleteAllById(orgCodes.stream().filter(organizations::existsById).toList());
    organizationService.treeChanged();
  }

  public static byte[] resource(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String path) {
    return new String(resource(path), StandardCharsets.UTF_8);
  }

  /** The rows (without header) of a demo CSV; the demo files have no quoted cells. */
  public static List<List<String>> demoRows(String file) {
    return text("demo/" + file).lines().skip(1).filter(l -> !l.isBlank())
        .map(l -> Arrays.asList(l.split(",", -1))).toList();
  }
}
