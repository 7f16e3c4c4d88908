package cn.wujiang.cxzy.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails of pending notices, outside any process transaction: a mail server that is down
 * delays the mail, never the process. Without spring.mail.host no mail is sent and notices stay in
 * the inbox only.
 */
@Component
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  private static final int BATCH = 50;

  private final NoticeRepository notices;
  private final ObjectProvider<JavaMailSender> sender;
  private final NotificationProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ExecutorService executor;

  Mailer(NoticeRepository notices, ObjectProvider<JavaMailSender> sender, NotificationProperties properties,
      TransactionTemplate transaction, Clock clock) {
    this.notices = notices;
    this.sender = sender;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "mailer");
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** Sends what is due now, in the background. */
  void sendDueSoon() {
    if (sender.getIfAvailable() != null) {
      executor.execute(this::sendDue);
    }
  }

  /**
   * Sends every mail that is due; retries those whose last attempt failed once their delay passed.
   * One run at a time on a node, so the scheduler and an after-commit send never mail twice.
   */
  @Scheduled(fixedDelayString = "${cxzy.notification.retry-interval-ms:30000}", initialDelay = 10_000)
  public synchronized int sendDue() {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return 0;
    }
    int sent = 0;
    List<Notice> due;
    do {
      due = transaction.execute(s -> notices.findByEmailStatusAndNextAttemptAtLessThanEqualOrderById(
          Notice.EmailStatus.PENDING, clock.instant(), PageRequest.of(0, BATCH)));
      for (Notice notice : due) {
        sent += send(mail, notice.getId()) ? 1 : 0;
      }
    } while (due.size() == BATCH && sent > 0);
    return sent;
  }

  private boolean send(JavaMailSender mail, long id) {
    Boolean ok = transaction.execute(status -> {
      Notice notice = notices.findById(id).orElse(null);
      if (notice == null || notice.getEmailStatus() != Notice.EmailStatus.PENDING) {
        return false;
      }
      try {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(notice.getEmail());
        message.setSubject(notice.getSubject());
        message.setText(notice.getBody());
        mail.send(message);
        notice.sent();
        return true;
      } catch (MailException e) {
        int attempt = notice.getEmailAttempts();
        Instant next = attempt < properties.retryDelays().size()
            ? clock.instant().plus(properties.retryDelays().get(attempt)) : null;
        notice.failed(e.getMessage(), next);
        LOG.warn("Mail for notice {} failed (attempt {}), next attempt {}: {}", id, attempt + 1, next, e.getMessage());
        return false;
      }
    });
    return Boolean.TRUE.equals(ok);
  }
}
