package com.casedesk.owner;

import com.casedesk.calendar.WorkingTime;
import com.casedesk.complaint.ComplaintCase;
import com.casedesk.handover.OwnerDefectConfirmations;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import com.casedesk.complaint.ComplaintCases;
import com.casedesk.repair.RepairOrder;
import com.casedesk.repair.RepairOrders;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What an owner may read of a case: only with its number and the phone it was registered with;
 * a wrong pair and an unknown number are the same "nothing". The timeline shows the owner's
 * commitments and what happened, never staff notes.
 */
@Service
class OwnerCases {

  /** One line of the timeline; {@code at} in office time (Asia/Shanghai), as owners read it. */
  record Step(String what, String at, String detail) {}

  /**
   * A case as its owner sees it. {@code canRate}: the callback is done and the owner has not rated
   * yet; {@code canConfirm}: a rectified defect waits for the owner's confirmation.
   */
  record Tracked(String caseNumber, String kind, String status, String statusLabel, LocalDateTime registeredAt,
      List<Step> timeline, List<Step> deadlines, boolean canRate, Integer rating, boolean canConfirm) {}

  private final ComplaintCases complaints;
  private final RepairOrders repairs;
  private final OwnerDefectConfirmations defects;
  private final WorkingTime workingTime;
  private final JdbcClient jdbc;

  OwnerCases(ComplaintCases complaints, RepairOrders repairs, OwnerDefectConfirmations defects, WorkingTime workingTime,
      JdbcClient jdbc) {
    this.complaints = complaints;
    this.repairs = repairs;
    this.defects = defects;
    this.workingTime = workingTime;
    this.jdbc = jdbc;
  }

  Optional<Tracked> track(String caseNumber, String phone) {
    if (caseNumber == null || phone == null) {
      return Optional.empty();
    }
    if (caseNumber.startsWith("TS-")) {
      return complaints.find(caseNumber).filter(c -> !c.drill() && phone.equals(c.contactPhone())).map(this::complaint);
    }
    if (caseNumber.startsWith("BX-")) {
      return repairs.find(caseNumber).filter(r -> phone.equals(r.contactPhone())).map(this::repair);
    }
    if (caseNumber.startsWith("ZG-")) {
      return defects.find(caseNumber, phone).map(this::defect);
    }
    return Optional.empty();
  }

  /**
   * Records the owner's rating of a case after its callback (once; a second rating replaces it).
   *
   * @throws ResponseStatusException 404 for a wrong pair or an unknown number, 409 before the callback
   */
  @Transactional
  Tracked rate(String caseNumber, String phone, int score, String comment) {
    Tracked tracked = track(caseNumber, phone)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到与该电话匹配的案件"));
    if (!tracked.canRate() && tracked.rating() == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "回访完成后才能评价");
    }
    java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
    if (jdbc.sql("UPDATE owner_rating SET score = ?, comment = ?, rated_at = ? WHERE case_number = ?")
        .params(score, comment, now, caseNumber).update() == 0) {
      jdbc.sql("INSERT INTO owner_rating (case_number, score, comment, rated_at) VALUES (?, ?, ?, ?)")
          .params(caseNumber, score, comment, now).update();
    }
    return track(caseNumber, phone).orElseThrow();
  }

  private Integer rating(String caseNumber) {
    return jdbc.sql("SELECT score FROM owner_rating WHERE case_number = ?").param(caseNumber).query(Integer.class)
        .optional().orElse(null);
  }

  private Tracked defect(OwnerDefectConfirmations.DefectView d) {
    List<Step> timeline = new ArrayList<>();
    timeline.add(new Step("验收登记", at(d.recordedAt()), d.room() + " " + d.location() + "：" + d.description()));
    if (d.verifiedAt() != null) {
      timeline.add(new Step("整改完成，工程验证通过", at(d.verifiedAt()), null));
    }
    if (d.confirmedAt() != null) {
      timeline.add(new Step("业主确认，问题关闭", at(d.confirmedAt()), null));
    }
    List<Step> deadlines = new ArrayList<>();
    if (d.verifiedAt() == null && d.dueAt() != null) {
      deadlines.add(new Step("整改期限", at(d.dueAt()), null));
    }
    String label = switch (d.status()) {
      case "VERIFIED" -> "整改完成，待您确认";
      case "CLOSED" -> "已关闭";
      default -> "整改中";
    };
    return new Tracked(d.caseNumber(), "defect", d.status(), label, d.recordedAt(), timeline, deadlines, false, null,
        d.awaitingConfirmation());
  }

  private Tracked complaint(ComplaintCase c) {
    List<Step> timeline = new ArrayList<>();
    timeline.add(new Step("已登记", at(c.registeredAt()), null));
    if (c.repliedAt() != null) {
      timeline.add(new Step("已答复", at(c.repliedAt()), c.replyText()));
    }
    if (c.resolvedAt() != null) {
      timeline.add(new Step("已处理", at(c.resolvedAt()), c.handlingResult()));
    }
    if (c.closedAt() != null) {
      timeline.add(new Step("已回访并办结", at(c.closedAt()), c.satisfaction() == null ? null : "满意度 " + c.satisfaction() + " 分"));
    }
    List<Step> deadlines = new ArrayList<>();
    if (c.repliedAt() == null && c.replyDue() != null) {
      deadlines.add(new Step("答复期限", at(c.replyDue()), "24 小时内答复"));
    }
    if (c.resolvedAt() == null && c.resolutionDue() != null) {
      deadlines.add(new Step("处理期限", at(c.resolutionDue()), null));
    }
    if (c.closedAt() == null && c.callbackDue() != null) {
      deadlines.add(new Step("回访期限", at(c.callbackDue()), null));
    }
    Integer rating = rating(c.caseNumber());
    return new Tracked(c.caseNumber(), "complaint", c.status(), complaintStatus(c.status()), c.registeredAt(), timeline,
        deadlines, "CLOSED".equals(c.status()) && rating == null, rating, false);
  }

  private Tracked repair(RepairOrder r) {
    List<Step> timeline = new ArrayList<>();
    timeline.add(new Step("已登记", at(r.registeredAt()), null));
    if (r.dispatchedAt() != null) {
      timeline.add(new Step("已派工", at(r.dispatchedAt()), null));
    }
    if (r.firstArrivedAt() != null) {
      timeline.add(new Step("技师已到场", at(r.firstArrivedAt()), null));
    }
    if (r.completedAt() != null) {
      timeline.add(new Step("维修完成", at(r.completedAt()), r.workDone()));
    }
    if (r.callbackAt() != null) {
      timeline.add(new Step("已回访", at(r.callbackAt()), r.satisfaction() == null ? null : "满意度 " + r.satisfaction() + " 分"));
    }
    List<Step> deadlines = new ArrayList<>();
    if (r.firstArrivedAt() == null && r.onSiteDue() != null) {
      deadlines.add(new Step("到场期限", at(r.onSiteDue()), "紧急维修 15 分钟到场"));
    }
    if (r.completedAt() == null && r.completionDue() != null) {
      deadlines.add(new Step("完成期限", at(r.completionDue()), null));
    }
    Integer rating = rating(r.caseNumber());
    return new Tracked(r.caseNumber(), "repair", r.status(), r.callbackAt() != null ? "已回访" : "处理中", r.registeredAt(),
        timeline, deadlines, r.callbackAt() != null && rating == null, rating, false);
  }

  private String at(LocalDateTime moment) {
    return moment == null ? null : workingTime.format(java.sql.Timestamp.valueOf(moment));
  }

  private static String complaintStatus(String status) {
    return switch (status) {
      case "REGISTERED" -> "已登记";
      case "IN_HANDLING" -> "处理中";
      case "RESOLVED" -> "已处理，待回访";
      case "REOPENED" -> "重新处理中";
      case "CLOSED" -> "已办结";
      default -> status;
    };
  }
}
