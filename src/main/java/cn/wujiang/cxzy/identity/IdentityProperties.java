package cn.wujiang.cxzy.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("cxzy.identity")
public record IdentityProperties(Integer initialPasswordLength) {

  public IdentityProperties {
    if (initialPasswordLength == null || initialPasswordLength < 10) {
      initialPasswordLength = 12;
    }
  }
}
