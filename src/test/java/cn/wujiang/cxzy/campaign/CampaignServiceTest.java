package cn.wujiang.cxzy.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import cn.wujiang.cxzy.organization.OrgSystem;
import cn.wujiang.cxzy.organization.OrgType;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/** The phase's fan-out plan: batches of one leading body's organizations, none larger than the batch size. */
class CampaignServiceTest {

  private final OrganizationService organizations = mock(OrganizationService.class);

  @Test
  void aLargeBodyIsSplitIntoBatchesOfAtMostTheBatchSizeAndASmallOneIsOneBatch() {
    List<Organization> all = new ArrayList<>();
    Map<String, Organization> bodies = new HashMap<>();
    Organization eduBureau = body("edu-bureau");
    Organization town = body("town-tongli");
    for (int i = 450; i >= 1; i--) {
      Organization school = grassroots(String.format("s%03d", i), "edu-bureau");
      all.add(school);
      bodies.put(school.getCode(), eduBureau);
    }
    Organization tlzx = grassroots("tl-zx", "town-tongli");
    all.add(tlzx);
    bodies.put("tl-zx", town);
    // Directly under the city office: its own body.
    all.add(grassroots("hb-alone", "city-office"));
    // Not in the campaign: a grassroots organization of neither system.
    all.add(new Organization("misc", "其他", OrgType.BRANCH, OrgSystem.GENERAL, "town-tongli", true, "其他"));
    when(organizations.all()).thenReturn(all);
    when(organizations.leadingBodies(anyCollection())).thenReturn(bodies);

    List<Map<String, Object>> batches = service(200).cycleBatches();

    assertThat(batches).extracting(b -> b.get("committeeCode") + "#" + b.get("batch") + ":" + ((List<?>) b.get("orgCodes")).size())
        .containsExactly("edu-bureau#1:200", "edu-bureau#2:200", "edu-bureau#3:50", "hb-alone#1:1", "town-tongli#1:1");
    assertThat(codes(batches.get(0))).startsWith("s001", "s002").endsWith("s200");
    assertThat(codes(batches.get(2))).startsWith("s401").endsWith("s450");
    assertThat(batches.stream().mapToInt(b -> ((List<?>) b.get("orgCodes")).size()).sum()).isEqualTo(452);
  }

  @SuppressWarnings("unchecked")
  private static List<String> codes(Map<String, Object> batch) {
    return (List<String>) batch.get("orgCodes");
  }

  private CampaignService service(int batchSize) {
    CampaignSettings settings = new CampaignSettings(null, null, null, null, null, 0, 0, null, null, batchSize);
    return new CampaignService(mock(PhaseRepository.class), organizations, settings, mock(RuntimeService.class),
        Clock.systemUTC());
  }

  private static Organization body(String code) {
    return new Organization(code, code, OrgType.PARTY_COMMITTEE, OrgSystem.EDUCATION, "city-office", false, code);
  }

  private static Organization grassroots(String code, String leader) {
    return new Organization(code, code, OrgType.BRANCH, code.startsWith("hb") ? OrgSystem.HEALTH : OrgSystem.EDUCATION,
        leader, true, code);
  }
}
