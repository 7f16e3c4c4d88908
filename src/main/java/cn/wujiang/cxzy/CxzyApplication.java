package cn.wujiang.cxzy;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CxzyApplication {

  /** Dates, deadlines and timers are those of the campaign's city, whatever the server's zone. */
  public static final String ZONE = "Asia/Shanghai";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(CxzyApplication.class, args);
  }
}
