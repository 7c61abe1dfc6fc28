package com.casedesk.notification;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * SMS through a configurable HTTP gateway ({@code casedesk.notification.sms.*}): POST of
 * {@code {to, text, templateId, reference}} as JSON with the API key as bearer token and the
 * outbox id as {@code Idempotency-Key}, so a gateway that honours it sends a retried message once.
 * A non-2xx answer or a time-out is a failed attempt.
 */
@Component
class SmsGateway implements DeliveryChannel {

  private final NotificationProperties.Sms sms;
  private final RestClient client;

  SmsGateway(NotificationProperties properties, RestClient.Builder builder) {
    this.sms = properties.sms();
    HttpClient http = HttpClient.newBuilder().connectTimeout(sms.connectTimeout()).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(sms.readTimeout());
    this.client = builder.requestFactory(factory).build();
  }

  @Override
  public boolean delivers(OutboxEntry message) {
    return OutboundMessage.Channel.SMS.name().equals(message.channel());
  }

  @Override
  public boolean configured() {
    return sms.url() != null && !sms.url().isBlank();
  }

  @Override
  public void deliver(OutboxEntry message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("to", message.recipient());
    body.put("text", message.body());
    body.put("templateId", sms.templateId());
    body.put("reference", "outbox-" + message.id());
    client.post().uri(sms.url())
        .contentType(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + (sms.apiKey() == null ? "" : sms.apiKey()))
        .header("Idempotency-Key", "outbox-" + message.id())
        .body(body)
        .retrieve()
        .toBodilessEntity();
  }
}
