package com.casedesk.notification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fills a configured message template from the case's process variables and puts it in the
 * outbox, keyed by case number, purpose and recipient (a retried job cannot send it twice).
 * {@code {caseNumber}} is the business key; any other {@code {name}} is taken from the given
 * values first, then from the process variable of that name (empty if neither exists).
 */
@Component
public class CaseMessages {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}");

  private final NotificationOutbox outbox;
  private final String drillPrefix;

  CaseMessages(NotificationOutbox outbox, @Value("${casedesk.emergency.drill.prefix}") String drillPrefix) {
    this.outbox = outbox;
    this.drillPrefix = drillPrefix;
  }

  /** An SMS to the case's contact ({@code contactPhone}). */
  public NotificationOutbox.Enqueued toOwner(DelegateExecution execution, String purpose, String template,
      Map<String, String> values) {
    String phone = (String) execution.getVariable("contactPhone");
    return outbox.enqueue(new OutboundMessage(execution.getProcessBusinessKey(), purpose,
        OutboundMessage.RecipientKind.OWNER, phone, OutboundMessage.Channel.SMS, null,
        fill(template, execution, values), execution.getTenantId(), execution.getProcessInstanceId(), isDrill(execution)));
  }

  /** An inbox message to every member of a staff group; a drill's begins with the drill prefix (【演练】). */
  public NotificationOutbox.Enqueued toGroup(DelegateExecution execution, String purpose, String groupId, String template,
      Map<String, String> values) {
    boolean drill = isDrill(execution);
    String body = fill(template, execution, values);
    return outbox.enqueue(new OutboundMessage(execution.getProcessBusinessKey(), purpose,
        OutboundMessage.RecipientKind.STAFF, "group:" + groupId, OutboundMessage.Channel.INBOX, null,
        drill ? drillPrefix + body : body, execution.getTenantId(), execution.getProcessInstanceId(), drill));
  }

  /** An SMS to any phone about the case (e.g. the owners of the units a mass incident affects). */
  public NotificationOutbox.Enqueued toPhone(DelegateExecution execution, String purpose, String phone, String template,
      Map<String, String> values) {
    return outbox.enqueue(new OutboundMessage(execution.getProcessBusinessKey(), purpose,
        OutboundMessage.RecipientKind.OWNER, phone, OutboundMessage.Channel.SMS, null,
        fill(template, execution, values), execution.getTenantId(), execution.getProcessInstanceId(), isDrill(execution)));
  }

  /** A case of an emergency drill: its messages to owners are recorded, never sent. */
  public static boolean isDrill(DelegateExecution execution) {
    return Boolean.TRUE.equals(execution.getVariable("drill"));
  }

  public static String fill(String template, DelegateExecution execution, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      Object value = values.containsKey(name) ? values.get(name)
          : "caseNumber".equals(name) ? execution.getProcessBusinessKey() : execution.getVariable(name);
      matcher.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    matcher.appendTail(text);
    return text.toString();
  }
}
