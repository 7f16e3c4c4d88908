package cn.wujiang.cxzy.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.CxzyApplication;

/**
 * Task deadlines from settings, for the models: {@code camunda:dueDate="${deadlines.due()}"} and the
 * reminder and escalation timers {@code ${deadlines.reminder}}, {@code ${deadlines.task}}.
 */
@Component("deadlines")
@ConfigurationProperties("cxzy.deadlines")
public class Deadlines {

  public static final ZoneId ZONE = ZoneId.of(CxzyApplication.ZONE);

  private Duration task = Duration.ofDays(10);
  private Duration reminder = Duration.ofDays(7);

  /** When a task created now falls due. */
  public Date due() {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(task));
  }

  /** The end of a day in the campaign's zone: a deadline "by 2026-12-01" lasts the whole day. */
  public static Date endOfDay(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1));
  }

  public static LocalDate today() {
    return Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(ZONE).toLocalDate();
  }

  public String getTask() {
    return task.toString();
  }

  public void setTask(Duration task) {
    this.task = task;
  }

  public String getReminder() {
    return reminder.toString();
  }

  public void setReminder(Duration reminder) {
    this.reminder = reminder;
  }
}
