package cn.wujiang.cxzy.commendation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An eligible candidate of a round (an organization, or a member where memberNo is set), its rank by
 * composite score, and the confirmed evaluation result it was ranked on.
 */
@Entity
@Table(name = "cmd_candidate")
public class Candidate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long roundId;
  private String orgCode;
  private String memberNo;
  /** The organization's code or the member's number. */
  private String subject;

  @Column(name = "ranking")
  private int rank;

  private BigDecimal composite;
  private BigDecimal rate;
  private BigDecimal massScore;
  private BigDecimal reviewScore;
  private BigDecimal fulfilmentRate;
  private int ballots;
  private String grade;

  @Column(name = "eval_year")
  private int year;

  private String note;

  protected Candidate() {
  }

  Candidate(Long roundId, String orgCode, String memberNo, int rank, Basis basis) {
    this.roundId = roundId;
    this.orgCode = orgCode;
    this.memberNo = memberNo;
    this.subject = memberNo == null ? orgCode : memberNo;
    this.rank = rank;
    this.composite = basis.composite();
    this.rate = basis.rate();
    this.massScore = basis.massScore();
    this.reviewScore = basis.reviewScore();
    this.fulfilmentRate = basis.fulfilmentRate();
    this.ballots = basis.ballots();
    this.grade = basis.grade();
    this.year = basis.year();
    this.note = basis.note();
  }

  /** What the evaluation found, as the ranking keeps it. */
  record Basis(BigDecimal composite, BigDecimal rate, BigDecimal massScore, BigDecimal reviewScore,
      BigDecimal fulfilmentRate, int ballots, String grade, int year, String note) {
  }

  public boolean isMember() {
    return memberNo != null;
  }

  public Long getId() {
    return id;
  }

  public Long getRoundId() {
    return roundId;
  }

  public String getOrgCode() {
    return orgCode;
  }

  public String getMemberNo() {
    return memberNo;
  }

  public String getSubject() {
    return subject;
  }

  public int getRank() {
    return rank;
  }

  public BigDecimal getComposite() {
    return composite;
  }

  public BigDecimal getRate() {
    return rate;
  }

  public BigDecimal getMassScore() {
    return massScore;
  }

  public BigDecimal getReviewScore() {
    return reviewScore;
  }

  public BigDecimal getFulfilmentRate() {
    return fulfilmentRate;
  }

  public int getBallots() {
    return ballots;
  }

  public String getGrade() {
    return grade;
  }

  public int getYear() {
    return year;
  }

  public String getNote() {
    return note;
  }
}
