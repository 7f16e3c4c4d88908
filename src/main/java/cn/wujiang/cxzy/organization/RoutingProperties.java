package cn.wujiang.cxzy.organization;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which organization guides each system; see application.yaml. */
@ConfigurationProperties("cxzy.routing")
public record RoutingProperties(Map<OrgSystem, String> systemGuides) {

  public RoutingProperties {
    systemGuides = systemGuides == null ? Map.of() : Map.copyOf(systemGuides);
  }
}
