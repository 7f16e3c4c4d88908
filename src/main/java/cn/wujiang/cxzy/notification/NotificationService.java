package cn.wujiang.cxzy.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.wujiang.cxzy.organization.Member;
import cn.wujiang.cxzy.organization.Organization;
import cn.wujiang.cxzy.organization.OrganizationService;

/**
 * The one place that tells people things. A notice is written to the inbox in the caller's
 * transaction, so it is never lost and never sent for work that rolled back; its e-mail goes out
 * after the commit and is retried with back-off while the mail server is down.
 */
@Service
public class NotificationService {

  private final NoticeRepository notices;
  private final OrganizationService organizations;
  private final Mailer mailer;
  private final Clock clock;

  NotificationService(NoticeRepository notices, OrganizationService organizations, Mailer mailer, Clock clock) {
    this.notices = notices;
    this.organizations = organizations;
    this.mailer = mailer;
    this.clock = clock;
  }

  /**
   * Tells each recipient once per event: a second call with the same event key (a retried job, a
   * second node) adds nothing. The template's {0} is the recipient's name; args fill {1}, {2} ….
   */
  @Transactional
  public int notify(String eventKey, Collection<Recipient> recipients, Template template, Object... args) {
    int written = 0;
    Instant now = clock.instant();
    for (Recipient recipient : dedupe(recipients)) {
      String key = eventKey + "|" + (recipient.memberNo() != null ? recipient.memberNo() : recipient.username());
      if (key.length() > 300) {
        key = key.substring(0, 300);
      }
      if (notices.existsByEventKey(key)) {
        continue;
      }
      Object[] all = new Object[args.length + 1];
      all[0] = recipient.name();
      System.arraycopy(args, 0, all, 1, args.length);
      String body = template.body(all);
      notices.save(new Notice(key, recipient, template.subject(all), body.length() > 4000 ? body.substring(0, 4000) : body, now));
      written++;
    }
    if (written > 0) {
      sendAfterCommit();
    }
    return written;
  }

  /** The people who act for an organization: its secretary and liaisons. */
  public List<Recipient> actingFor(String orgCode) {
    List<Recipient> result = new ArrayList<>();
    for (Member member : organizations.members(orgCode)) {
      if (member.getRole().actsForOrganization()) {
        result.add(toRecipient(member));
      }
    }
    return result;
  }

  /** The people who act for the organization behind a Camunda group id. */
  public List<Recipient> actingForGroup(String groupId) {
    if (OrganizationService.CITY_OFFICE_GROUP.equals(groupId)) {
      return organizations.cityOffice().map(Organization::getCode).map(this::actingFor).orElse(List.of());
    }
    return organizations.find(groupId).map(o -> actingFor(o.getCode())).orElse(List.of());
  }

  public List<Recipient> allMembers(String orgCode) {
    return organizations.members(orgCode).stream().map(NotificationService::toRecipient).toList();
  }

  public List<Recipient> member(String memberNo) {
    return organizations.member(memberNo).map(m -> List.of(toRecipient(m))).orElse(List.of());
  }

  public List<Recipient> user(String username) {
    return organizations.memberByUsername(username).map(m -> List.of(toRecipient(m)))
        .orElse(List.of(new Recipient(null, username, username, null)));
  }

  @Transactional(readOnly = true)
  public List<Notice> inbox(String username, int limit) {
    return notices.findByUsernameOrderByCreatedAtDesc(username, PageRequest.of(0, limit));
  }

  @Transactional(readOnly = true)
  public long unread(String username) {
    return notices.countByUsernameAndReadAtIsNull(username);
  }

  @Transactional
  public boolean markRead(String username, long id) {
    return notices.findById(id).filter(n -> username.equals(n.getUsername())).map(n -> {
      n.markRead(clock.instant());
      return true;
    }).orElse(false);
  }

  @Transactional(readOnly = true)
  public List<Notice> byEventPrefix(String prefix) {
    return notices.findByEventKeyStartingWith(prefix);
  }

  static Recipient toRecipient(Member member) {
    return new Recipient(member.getMemberNo(), member.getUsername(), member.getName(),
        member.getEmail() == null || member.getEmail().isBlank() ? null : member.getEmail());
  }

  private static Collection<Recipient> dedupe(Collection<Recipient> recipients) {
    Map<String, Recipient> unique = new LinkedHashMap<>();
    for (Recipient r : recipients) {
      unique.putIfAbsent(r.memberNo() != null ? r.memberNo() : r.username(), r);
    }
    return unique.values();
  }

  private void sendAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          mailer.sendDueSoon();
        }
      });
    } else {
      mailer.sendDueSoon();
    }
  }
}
