package cn.wujiang.cxzy.campaign;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phase (时段) of the campaign with its theme (专题) and dates. */
@Entity
@Table(name = "cmp_phase")
public class Phase {

  /** Where a phase stands. */
  public enum Status { RUNNING, ENDED, ENDED_EARLY, CANCELLED }

  @Id
  private String id;

  private int number;
  private String theme;
  private LocalDate startDate;
  private LocalDate endDate;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String startedBy;
  private Instant startedAt;
  /** When the phase ends in the application: the end of its last day, or sooner in the demo's cadence. */
  private Instant endsAt;
  private String endedBy;
  private Instant endedAt;
  private String endReason;
  private String processInstanceId;

  protected Phase() {
  }

  Phase(int number, String theme, LocalDate startDate, LocalDate endDate, String startedBy, Instant startedAt,
      Instant endsAt) {
    this.id = idOf(number);
    this.number = number;
    this.theme = theme;
    this.startDate = startDate;
    this.endDate = endDate;
    this.status = Status.RUNNING;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.endsAt = endsAt;
  }

  static String idOf(int number) {
    return String.valueOf(number);
  }

  void attach(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void end(Status status, String by, Instant at, String reason) {
    if (this.status == Status.RUNNING || status == Status.CANCELLED) {
      this.status = status;
      this.endedBy = by;
      this.endedAt = at;
      this.endReason = reason;
    }
  }

  /** The phase as people say it: 第一时段（专题）. */
  public String label() {
    return "第" + chinese(number) + "时段：" + theme;
  }

  /** 1 → 一, 10 → 十, 12 → 十二, 77 → 七十七 (1 to 99). */
  static String chinese(int n) {
    String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99) {
      return String.valueOf(n);
    }
    if (n < 10) {
      return digits[n];
    }
    String tens = n / 10 == 1 ? "十" : digits[n / 10] + "十";
    return n % 10 == 0 ? tens : tens + digits[n % 10];
  }

  public String getId() {
    return id;
  }

  public int getNumber() {
    return number;
  }

  public String getTheme() {
    return theme;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public Status getStatus() {
    return status;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public String getEndedBy() {
    return endedBy;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getEndReason() {
    return endReason;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
