package com.casedesk.owner;

import com.casedesk.calendar.WorkingTime;
import com.casedesk.complaint.ComplaintCase;
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

  /** A case as its owner sees it. */
  record Tracked(String caseNumber, String kind, String status, String statusLabel, LocalDateTime registeredAt,
      List<Step> timeline, List<Step> deadlines) {}

  private final ComplaintCases complaints;
  private final RepairOrders repairs;
  private final WorkingTime workingTime;

  OwnerCases(ComplaintCases complaints, RepairOrders repairs, WorkingTime workingTime) {
    this.complaints = complaints;
    this.repairs = repairs;
    this.workingTime = workingTime;
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
    return Optional.empty();
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
    return new Tracked(c.caseNumber(), "complaint", c.status(), complaintStatus(c.status()), c.registeredAt(), timeline, deadlines);
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
    return new Tracked(r.caseNumber(), "repair", r.status(), r.status(), r.registeredAt(), timeline, deadlines);
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
