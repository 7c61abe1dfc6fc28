package com.casedesk.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the outbox dispatcher on a schedule and publishes the outbox's size by status as the
 * metric {@code casedesk.outbox.messages{status=PENDING|FAILED|…}} ({@code /actuator/metrics}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

  @Bean
  InitializingBean outboxMetrics(MeterRegistry registry, NotificationOutbox outbox) {
    return () -> List.of(OutboxEntry.PENDING, OutboxEntry.SENT, OutboxEntry.FAILED, OutboxEntry.SUPPRESSED).forEach(status ->
        Gauge.builder("casedesk.outbox.messages", outbox, o -> o.count(status))
            .description("Messages in the notification outbox by status (FAILED: dead letters)")
            .tag("status", status)
            .register(registry));
  }
}
