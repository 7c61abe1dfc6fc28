package com.casedesk.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Messages to staff ({@code group:<id>} or {@code user:<id>}) by e-mail (Spring Mail,
 * {@code spring.mail.*}): to every member of the group who works for the message's company (the
 * group centre works for all), or to the user, who has an e-mail address and has not turned
 * alerts off ({@code staff_profile.email_alerts}). One e-mail, recipients in Bcc. Without a
 * configured mail server the messages stay queued.
 */
@Component
class StaffEmail implements DeliveryChannel {

  private final ObjectProvider<JavaMailSender> mailSender;
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final NotificationProperties properties;

  StaffEmail(ObjectProvider<JavaMailSender> mailSender, @Lazy IdentityService identityService, JdbcClient jdbc,
      NotificationProperties properties) {
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public boolean delivers(OutboxEntry message) {
    return OutboundMessage.RecipientKind.STAFF.name().equals(message.recipientKind());
  }

  @Override
  public boolean configured() {
    return mailSender.getIfAvailable() != null;
  }

  @Override
  public void deliver(OutboxEntry message) {
    List<String> addresses = addresses(message);
    if (addresses.isEmpty()) {
      return; // nobody to tell by e-mail (no address, or alerts off): nothing left to deliver
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(properties.mailFrom());
    mail.setTo(properties.mailFrom());
    mail.setBcc(addresses.toArray(String[]::new));
    mail.setSubject(message.subject() != null ? message.subject() : "CaseDesk " + message.caseNumber());
    mail.setText(message.body());
    mailSender.getObject().send(mail);
  }

  /** The e-mail addresses the message reaches. */
  List<String> addresses(OutboxEntry message) {
    String recipient = message.recipient();
    List<User> users = new ArrayList<>();
    if (recipient.startsWith("group:")) {
      users.addAll(identityService.createUserQuery().memberOfGroup(recipient.substring("group:".length())).listPage(0, 500));
    } else if (recipient.startsWith("user:")) {
      User user = identityService.createUserQuery().userId(recipient.substring("user:".length())).singleResult();
      if (user != null) {
        users.add(user);
      }
    }
    return users.stream()
        .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .filter(user -> message.companyCode() == null || identityService.createTenantQuery().userMember(user.getId())
            .includingGroupsOfUser(true).tenantId(message.companyCode()).count() > 0)
        .filter(user -> wantsAlerts(user.getId()))
        .map(User::getEmail)
        .distinct()
        .toList();
  }

  private boolean wantsAlerts(String userId) {
    return jdbc.sql("SELECT email_alerts FROM staff_profile WHERE user_id = ?").param(userId)
        .query(Boolean.class).optional().orElse(true);
  }
}
