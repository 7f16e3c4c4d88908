package cn.wujiang.cxzy.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.web.ApiError;

/** A user's own notices: {@code GET /api/inbox}, {@code POST /api/inbox/{id}/read}. */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

  private final NotificationService notifications;
  private final CurrentUser currentUser;

  InboxController(NotificationService notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @GetMapping
  Inbox inbox(@RequestParam(defaultValue = "50") int limit) {
    String user = currentUser.userId();
    List<Item> items = notifications.inbox(user, Math.max(1, Math.min(limit, 200))).stream()
        .map(n -> new Item(n.getId(), n.getSubject(), n.getBody(), n.getCreatedAt(), n.getReadAt() != null))
        .toList();
    return new Inbox(notifications.unread(user), items);
  }

  @PostMapping("/{id}/read")
  ResponseEntity<?> read(@PathVariable long id) {
    return notifications.markRead(currentUser.userId(), id)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.status(404).body(ApiError.of("没有这条通知"));
  }

  record Inbox(long unread, List<Item> notices) {
  }

  record Item(long id, String subject, String body, Instant createdAt, boolean read) {
  }
}
