package cn.wujiang.cxzy.commitment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One commitment item (承诺事项) and how it was fulfilled. */
@Entity
@Table(name = "cmt_item")
public class CommitmentItem {

  /** How an item was fulfilled (兑现情况); the weight counts toward the fulfilment rate. */
  public enum Fulfilment {
    FULFILLED("已兑现", 1.0), PARTLY("部分兑现", 0.5), UNFULFILLED("未兑现", 0.0);

    private final String label;
    private final double weight;

    Fulfilment(String label, double weight) {
      this.label = label;
      this.weight = weight;
    }

    public String label() {
      return label;
    }

    public double weight() {
      return weight;
    }

    static Fulfilment ofLabel(String label) {
      for (Fulfilment f : values()) {
        if (f.label.equals(label)) {
          return f;
        }
      }
      throw new IllegalArgumentException(label);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long commitmentId;
  private int seq;
  private String text;

  @Enumerated(EnumType.STRING)
  private Fulfilment fulfilmentStatus;

  private String fulfilmentAccount;

  protected CommitmentItem() {
  }

  CommitmentItem(Long commitmentId, int seq, String text) {
    this.commitmentId = commitmentId;
    this.seq = seq;
    this.text = text;
  }

  void fulfil(Fulfilment status, String account) {
    this.fulfilmentStatus = status;
    this.fulfilmentAccount = account;
  }

  public int getSeq() {
    return seq;
  }

  public String getText() {
    return text;
  }

  public Fulfilment getFulfilmentStatus() {
    return fulfilmentStatus;
  }

  public String getFulfilmentAccount() {
    return fulfilmentAccount;
  }

  public Long getCommitmentId() {
    return commitmentId;
  }
}
