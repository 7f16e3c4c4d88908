package cn.wujiang.cxzy.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import cn.wujiang.cxzy.DemoCityTest;
import jakarta.mail.internet.MimeMessage;

/** Notices reach the inbox at once; e-mail goes out after the commit and is retried while the server is down. */
@DemoCityTest
class MailRetryTest {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(3931, "127.0.0.1", "smtp"));

  @Autowired NotificationService notifications;
  @Autowired Mailer mailer;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    if (!mail.isRunning()) {
      mail.start();
    }
  }

  @Test
  void aNoticeIsMailedInChineseAndKeptInTheInbox() throws Exception {
    String event = "test|" + UUID.randomUUID();
    notifications.notify(event, notifications.actingFor("tl-zx"), Template.COMMITMENTS_PUBLISHED, "同里镇古镇初级中学党支部");
    mailer.sendDue();
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).extracting(MimeMessage::getSubject).contains("同里镇古镇初级中学党支部的承诺已公开");
    assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
    List<Notice> sent = notifications.byEventPrefix(event);
    assertThat(sent).hasSize(2).allMatch(n -> n.getEmailStatus() == Notice.EmailStatus.SENT);
    assertThat(notifications.inbox("tl-zx.sec", 50)).anyMatch(n -> n.getEventKey().startsWith(event));
  }

  @Test
  void aMailServerThatIsDownDelaysTheMailAndTheNoticeStaysUntilItIsBack() {
    mail.stop();
    String event = "test|" + UUID.randomUUID();
    int written = notifications.notify(event, notifications.actingFor("sz-xx"), Template.COMMITMENTS_PUBLISHED, "盛泽镇绸都实验小学党支部");
    assertThat(written).isEqualTo(2);
    mailer.sendDue();
    assertThat(notifications.byEventPrefix(event)).allSatisfy(n -> {
      assertThat(n.getEmailStatus()).isEqualTo(Notice.EmailStatus.PENDING);
      assertThat(n.getEmailAttempts()).isEqualTo(1);
      assertThat(n.getNextAttemptAt()).isAfter(Instant.now().plusSeconds(50));
    });
    assertThat(notifications.inbox("sz-xx.sec", 50)).anyMatch(n -> n.getEventKey().startsWith(event));

    // Not yet due: nothing is tried.
    mail.start();
    mailer.sendDue();
    assertThat(notifications.byEventPrefix(event)).allMatch(n -> n.getEmailStatus() == Notice.EmailStatus.PENDING);

    ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(120)));
    mailer.sendDue();
    assertThat(notifications.byEventPrefix(event)).allMatch(n -> n.getEmailStatus() == Notice.EmailStatus.SENT);
    assertThat(mail.getReceivedMessages()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void afterTheLastRetryTheMailCountsAsFailedButTheNoticeIsKept() {
    mail.stop();
    String event = "test|" + UUID.randomUUID();
    notifications.notify(event, notifications.actingFor("hb-cdc"), Template.COMMITMENTS_PUBLISHED, "疾控中心党支部");
    Instant now = Instant.now();
    for (int attempt = 0; attempt < 3; attempt++) {
      ClockUtil.setCurrentTime(Date.from(now.plusSeconds(attempt * 3600L)));
      mailer.sendDue();
    }
    assertThat(notifications.byEventPrefix(event)).allSatisfy(n -> {
      assertThat(n.getEmailStatus()).isEqualTo(Notice.EmailStatus.FAILED);
      assertThat(n.getEmailAttempts()).isEqualTo(3);
    });
    assertThat(notifications.inbox("hb-cdc.sec", 50)).anyMatch(n -> n.getEventKey().startsWith(event));
  }

  @Test
  void theSameEventTwiceWritesOneNoticeAPerson() {
    String event = "test|" + UUID.randomUUID();
    assertThat(notifications.notify(event, notifications.actingFor("pw-wsy"), Template.COMMITMENTS_PUBLISHED, "x")).isEqualTo(2);
    assertThat(notifications.notify(event, notifications.actingFor("pw-wsy"), Template.COMMITMENTS_PUBLISHED, "x")).isZero();
    assertThat(notifications.byEventPrefix(event)).hasSize(2);
  }
}
