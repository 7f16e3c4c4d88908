package cn.wujiang.cxzy.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** E-mail sender and the back-off between attempts; after the last delay a mail counts as failed. */
@ConfigurationProperties("cxzy.notification")
public record NotificationProperties(String from, List<Duration> retryDelays) {

  public NotificationProperties {
    retryDelays = retryDelays == null || retryDelays.isEmpty()
        ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)) : List.copyOf(retryDelays);
  }
}
