package cn.wujiang.cxzy.config;

import java.time.Clock;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.wujiang.cxzy.CxzyApplication;

/** The application's clock follows the engine's, so that tests that move the engine clock move ours. */
@Configuration
class ClockConfig {

  @Bean
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneId.of(CxzyApplication.ZONE);
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
      }

      @Override
      public java.time.Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
