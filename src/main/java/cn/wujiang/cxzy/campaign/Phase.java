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

  /**
   * Where a phase stands. ENDING and CANCELLING: the city office asked, the engine is stopping the
   * cycles in jobs; ENDED_EARLY and CANCELLED once every cycle has stopped.
   */
  public enum Status {
    RUNNING("进行中"), ENDING("结束中"), CANCELLING("撤销中"), ENDED("已结束"), ENDED_EARLY("已提前结束"),
    CANCELLED("已撤销");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** As people read it. */
    public String label() {
      return label;
    }
  }

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

  /** The city office asks to end (ENDING) or cancel (CANCELLING) a running phase. */
  void request(Status status, String by, String reason) {
    if (this.status == Status.RUNNING) {
      this.status = status;
      this.endedBy = by;
      this.endReason = reason;
    }
  }

  /**
   * Every cycle has stopped: ended in its time, ended early or cancelled, as asked. Returns whether the
   * phase was cancelled.
   */
  boolean closed(Instant at) {
    if (status == Status.RUNNING || status == Status.ENDING || status == Status.CANCELLING) {
      status = status == Status.RUNNING ? Status.ENDED : status == Status.ENDING ? Status.ENDED_EARLY : Status.CANCELLED;
      endedAt = at;
    }
    return status == Status.CANCELLED;
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
