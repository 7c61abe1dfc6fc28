package com.casedesk.repair;

import java.util.List;

/** Ids and variable names of {@code processes/home-repair.bpmn}: the one place Java names them. */
public final class RepairProcess {

  public static final String PROCESS_KEY = "home-repair";
  public static final String DECISION_TIME_LIMITS = "repair-time-limits";

  /** Elements. */
  public static final class Element {
    public static final String START = "StartEvent_RepairReported";
    public static final String REGISTER = "ServiceTask_RegisterRepair";
    public static final String TIME_LIMITS = "BusinessRuleTask_DetermineTimeLimits";
    public static final String SCHEDULE = "ServiceTask_ScheduleOnSiteDeadline";
    public static final String ON_SITE = "SubProcess_OnSite";
    public static final String DISPATCH = "UserTask_DispatchTechnician";
    public static final String ARRANGE_REWORK = "UserTask_ArrangeRework";
    public static final String RECORD_DISPATCH = "ServiceTask_RecordDispatch";
    public static final String CONFIRM_ARRIVAL = "UserTask_ConfirmArrival";
    public static final String RECORD_ARRIVAL = "ServiceTask_RecordArrival";
    public static final String LATE_ARRIVAL = "StartEvent_LateArrival";
    public static final String ESCALATE_LATE_ARRIVAL = "ServiceTask_EscalateLateArrivalToDispatch";
    public static final String LATE_ARRIVAL_SUPERVISOR = "StartEvent_LateArrivalSupervisor";
    public static final String ESCALATE_LATE_ARRIVAL_SUPERVISOR = "ServiceTask_EscalateLateArrivalToSupervisor";
    public static final String SUPERVISE_LATE_ARRIVAL = "UserTask_SuperviseLateArrival";
    public static final String REPAIR = "SubProcess_Repair";
    public static final String DO_REPAIR = "UserTask_DoRepairWork";
    public static final String COMPLETION_OVERDUE = "BoundaryEvent_CompletionOverdue";
    public static final String ESCALATE_LATE_COMPLETION = "ServiceTask_EscalateLateCompletionToDispatch";
    public static final String COMPLETION_OVERDUE_SUPERVISOR = "BoundaryEvent_CompletionOverdueSupervisor";
    public static final String ESCALATE_LATE_COMPLETION_SUPERVISOR = "ServiceTask_EscalateLateCompletionToSupervisor";
    public static final String SUPERVISE_LATE_COMPLETION = "UserTask_SuperviseLateCompletion";
    public static final String RECORD_REPAIR_DONE = "ServiceTask_RecordRepairDone";
    public static final String CALLBACK = "UserTask_CallbackOwner";
    public static final String CALLBACK_OVERDUE = "BoundaryEvent_CallbackOverdue";
    public static final String ESCALATE_LATE_CALLBACK = "ServiceTask_EscalateLateCallback";
    public static final String SUPERVISE_LATE_CALLBACK = "UserTask_SuperviseLateCallback";
    public static final String RECORD_CALLBACK = "ServiceTask_RecordCallback";
    public static final String START_FOLLOW_UP = "ServiceTask_StartFollowUpRepair";
    public static final String REOPEN_FOR_REWORK = "ServiceTask_ReopenForRework";
    public static final String CLOSE = "ServiceTask_CloseRepair";
    public static final String END_CLOSED = "EndEvent_RepairClosed";

    private Element() {}
  }

  /** Process variables. */
  public static final class Var {
    // intake
    public static final String CHANNEL = "channel";
    public static final String LOCATION_TYPE = "locationType";
    public static final String UNIT_CODE = "unitCode";
    public static final String PROJECT_CODE = "projectCode";
    public static final String LOCATION = "location";
    public static final String CATEGORY = "category";
    public static final String URGENCY = "urgency";
    public static final String PREFERRED_TIME = "preferredTime";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String DESCRIPTION = "description";
    public static final String REGISTERED_BY = "registeredBy";
    public static final String FOLLOW_UP_OF = "followUpOf";
    // derived
    public static final String CASE_NUMBER = "caseNumber";
    public static final String COMPANY_CODE = "companyCode";
    public static final String OWNER_ID = "ownerId";
    public static final String REWORK_COUNT = "reworkCount";
    public static final String TECHNICIAN_OPTIONS = "technicianOptions";
    // time limits (DMN result and deadlines)
    public static final String TIME_LIMITS = "timeLimits";
    public static final String ON_SITE_WITHIN = "onSiteWithin";
    public static final String BY_APPOINTMENT = "byAppointment";
    public static final String COMPLETION_WITHIN = "completionWithin";
    public static final String ESCALATE_AFTER = "escalateAfter";
    public static final String ON_SITE_DUE = "onSiteDue";
    public static final String ON_SITE_SUPERVISOR_DUE = "onSiteSupervisorDue";
    public static final String COMPLETION_DUE = "completionDue";
    public static final String COMPLETION_SUPERVISOR_DUE = "completionSupervisorDue";
    public static final String CALLBACK_DUE = "callbackDue";
    // work
    public static final String TECHNICIAN = "technician";
    public static final String DISPATCH_NOTE = "dispatchNote";
    public static final String WORK_DONE = "workDone";
    public static final String MATERIALS = "materials";
    public static final String IN_WARRANTY = "inWarranty";
    public static final String CHARGE_AMOUNT = "chargeAmount";
    public static final String CHARGE_AGREED = "chargeAgreed";
    // callback
    public static final String SATISFIED = "satisfied";
    public static final String SATISFACTION = "satisfaction";
    public static final String CHARGE_DISPUTED = "chargeDisputed";
    public static final String CALLBACK_COMMENT = "callbackComment";
    public static final String OTHER_NEEDS = "otherNeeds";
    public static final String FOLLOW_UP_REQUESTED = "followUpRequested";
    public static final String FOLLOW_UP_CATEGORY = "followUpCategory";
    public static final String FOLLOW_UP_URGENCY = "followUpUrgency";
    public static final String FOLLOW_UP_CASE_NUMBER = "followUpCaseNumber";
    public static final String REWORK_NEEDED = "reworkNeeded";

    private Var() {}
  }

  public static final String IN_HOME = "in-home";
  public static final String PUBLIC = "public";
  public static final String URGENT = "urgent";
  public static final String NORMAL = "normal";
  public static final String DISPATCH_GROUP = "repair-dispatch";
  public static final String TECHNICIAN_GROUP = "repair-tech";
  public static final String SUPERVISOR_GROUP = "cs-supervisor";

  public static final List<String> CHANNELS = List.of("hotline", "frontdesk", "app", "patrol");
  public static final List<String> LOCATION_TYPES = List.of(IN_HOME, PUBLIC);
  public static final List<String> URGENCIES = List.of(URGENT, NORMAL);
  /** Repair categories; the time limits per category are in processes/repair-time-limits.dmn. */
  public static final List<String> CATEGORIES = List.of(
      "water", "drainage", "electric", "door-window", "wall-floor", "waterproof", "elevator", "access", "lighting", "other");

  private RepairProcess() {}
}
