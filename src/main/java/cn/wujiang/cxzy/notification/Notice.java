package cn.wujiang.cxzy.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One notice to one person: a line in their inbox and, where they have an address, an e-mail. */
@Entity
@Table(name = "ntf_notice")
public class Notice {

  /** Where the e-mail of a notice stands. */
  public enum EmailStatus { NONE, PENDING, SENT, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String eventKey;
  private String memberNo;
  private String username;
  private String recipientName;
  private String email;
  private String subject;
  private String body;
  private Instant createdAt;
  private Instant readAt;

  @Enumerated(EnumType.STRING)
  private EmailStatus emailStatus;

  private int emailAttempts;
  private Instant nextAttemptAt;
  private String lastError;

  protected Notice() {
  }

  Notice(String eventKey, Recipient recipient, String subject, String body, Instant now) {
    this.eventKey = eventKey;
    this.memberNo = recipient.memberNo();
    this.username = recipient.username();
    this.recipientName = recipient.name();
    this.email = recipient.email();
    this.subject = subject;
    this.body = body;
    this.createdAt = now;
    this.emailStatus = recipient.email() == null ? EmailStatus.NONE : EmailStatus.PENDING;
    this.nextAttemptAt = now;
  }

  void sent() {
    emailStatus = EmailStatus.SENT;
    emailAttempts++;
    nextAttemptAt = null;
    lastError = null;
  }

  void failed(String error, Instant next) {
    emailAttempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    emailStatus = next == null ? EmailStatus.FAILED : EmailStatus.PENDING;
    nextAttemptAt = next;
  }

  void markRead(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public String getEventKey() {
    return eventKey;
  }

  public String getMemberNo() {
    return memberNo;
  }

  public String getUsername() {
    return username;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public String getEmail() {
    return email;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public EmailStatus getEmailStatus() {
    return emailStatus;
  }

  public int getEmailAttempts() {
    return emailAttempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }
}
