package cn.wujiang.cxzy.commendation;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A title's quota (名额) in a round, with what it was computed from. */
@Entity
@Table(name = "cmd_quota")
@IdClass(Quota.Key.class)
public class Quota {

  /** The primary key: round and title. */
  public static class Key implements Serializable {
    private Long roundId;
    private Title title;

    public Key() {
    }

    Key(Long roundId, Title title) {
      this.roundId = roundId;
      this.title = title;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(roundId, k.roundId) && title == k.title;
    }

    @Override
    public int hashCode() {
      return Objects.hash(roundId, title);
    }
  }

  @Id
  private Long roundId;

  @Id
  @Enumerated(EnumType.STRING)
  private Title title;

  private int base;
  private int eligible;
  private int quota;

  protected Quota() {
  }

  Quota(Long roundId, Title title, int base, int eligible, int quota) {
    this.roundId = roundId;
    this.title = title;
    this.base = base;
    this.eligible = eligible;
    this.quota = quota;
  }

  public Long getRoundId() {
    return roundId;
  }

  public Title getTitle() {
    return title;
  }

  public int getBase() {
    return base;
  }

  public int getEligible() {
    return eligible;
  }

  public int getQuota() {
    return quota;
  }
}
