package com.casedesk.notification;

import com.casedesk.api.ApiCaller;
import com.casedesk.api.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/me/alerts}: a staff member reads or sets whether CaseDesk e-mails them
 * (tasks assigned to them, escalations to their groups): {@code {"email": true|false}}.
 */
@RestController
@RequestMapping("/api/me/alerts")
class StaffAlertsApi {

  private final JdbcClient jdbc;
  private final ApiCaller caller;

  StaffAlertsApi(JdbcClient jdbc, ApiCaller caller) {
    this.jdbc = jdbc;
    this.caller = caller;
  }

  @GetMapping
  Map<String, Object> alerts() {
    boolean email = jdbc.sql("SELECT email_alerts FROM staff_profile WHERE user_id = ?").param(caller.userId())
        .query(Boolean.class).optional().orElse(true);
    return Map.of("userId", caller.userId(), "email", email);
  }

  @PutMapping
  @Transactional
  Map<String, Object> set(@RequestBody Map<String, Object> settings) {
    if (!(settings.get("email") instanceof Boolean email)) {
      throw new InvalidInputException("请求参数错误", List.of(new InvalidInputException.FieldError("email", "应为 true 或 false")));
    }
    if (jdbc.sql("UPDATE staff_profile SET email_alerts = ? WHERE user_id = ?").params(email, caller.userId()).update() == 0) {
      throw new InvalidInputException("请求参数错误", List.of(new InvalidInputException.FieldError("userId",
          "没有员工档案：" + caller.userId())));
    }
    return Map.of("userId", caller.userId(), "email", email);
  }
}
