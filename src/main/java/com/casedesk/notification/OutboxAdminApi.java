package com.casedesk.notification;

import com.casedesk.api.ApiCaller;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For administrators ({@code camunda-admin}): {@code GET /api/admin/outbox?status=FAILED} lists
 * messages of a status (the dead letters by default) with their last error, and
 * {@code POST /api/admin/outbox/{id}/retry} puts a dead letter back in the queue.
 */
@RestController
@RequestMapping("/api/admin/outbox")
class OutboxAdminApi {

  private static final List<String> ADMINS = List.of("camunda-admin");
  private static final List<String> STATUSES = List.of(OutboxEntry.PENDING, OutboxEntry.SENT, OutboxEntry.FAILED,
      OutboxEntry.SUPPRESSED);

  private final NotificationOutbox outbox;
  private final ApiCaller caller;

  OutboxAdminApi(NotificationOutbox outbox, ApiCaller caller) {
    this.outbox = outbox;
    this.caller = caller;
  }

  @GetMapping
  Map<String, Object> messages(@RequestParam(name = "status", defaultValue = "FAILED") String status) {
    caller.requireAnyGroup(ADMINS, "通知队列管理");
    if (!STATUSES.contains(status)) {
      throw new com.casedesk.api.InvalidInputException("请求参数错误",
          List.of(new com.casedesk.api.InvalidInputException.FieldError("status", "可选：" + String.join("、", STATUSES))));
    }
    return Map.of("status", status, "count", outbox.count(status), "messages", outbox.inStatus(status, 200));
  }

  @PostMapping("/{id}/retry")
  Map<String, Object> retry(@PathVariable long id) {
    caller.requireAnyGroup(ADMINS, "通知队列管理");
    if (!outbox.retry(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有失败的消息 " + id);
    }
    return Map.of("id", id, "status", OutboxEntry.PENDING);
  }
}
