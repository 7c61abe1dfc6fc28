package com.casedesk.complaint;

import java.util.List;

/** Ids and variable names of {@code processes/complaint-handling.bpmn}: the one place Java names them. */
public final class ComplaintProcess {

  public static final String PROCESS_KEY = "complaint-handling";
  public static final String DECISION_ROUTING = "complaint-routing";
  public static final String DECISION_GRADING = "complaint-grading";

  /** Elements. */
  public static final class Element {
    public static final String START = "StartEvent_ComplaintReceived";
    public static final String REGISTER = "ServiceTask_RegisterComplaint";
    public static final String ROUTE = "BusinessRuleTask_RouteComplaint";
    public static final String GRADE = "BusinessRuleTask_GradeComplaint";
    public static final String SCHEDULE = "ServiceTask_ScheduleDeadlines";
    public static final String REPLY = "UserTask_ReplyToOwner";
    public static final String EARLY_WARNING_RULE = "BusinessRuleTask_EarlyWarningRule";
    public static final String CHECK_MASS_COMPLAINT = "ServiceTask_CheckMassComplaint";
    public static final String CHECK_UNIFIED_REPLY = "ServiceTask_CheckUnifiedReply";
    public static final String AWAIT_UNIFIED_REPLY = "IntermediateCatchEvent_UnifiedReplyPublished";
    public static final String LINKED_TO_INCIDENT = "BoundaryEvent_LinkedToIncident";
    public static final String INCIDENT_RESOLVED = "BoundaryEvent_IncidentResolved";
    public static final String REPLY_OVERDUE = "StartEvent_ReplyOverdue";
    public static final String ESCALATE_REPLY = "ServiceTask_EscalateOverdueReply";
    public static final String SUPERVISE_REPLY = "UserTask_SuperviseOverdueReply";
    public static final String SEND_REPLY = "ServiceTask_SendReply";
    public static final String HANDLE = "UserTask_HandleComplaint";
    public static final String HANDLING_OVERDUE = "BoundaryEvent_HandlingOverdue";
    public static final String HANDLING_OVERDUE_GM = "BoundaryEvent_HandlingOverdueGm";
    public static final String HANDLING_OVERDUE_GROUP = "BoundaryEvent_HandlingOverdueGroupCentre";
    public static final String ESCALATE_TO_SUPERVISOR = "ServiceTask_EscalateToSupervisor";
    public static final String ESCALATE_TO_GM = "ServiceTask_EscalateToGm";
    public static final String ESCALATE_TO_GROUP = "ServiceTask_EscalateToGroupCentre";
    public static final String SUPERVISE_HANDLING = "UserTask_SuperviseOverdueHandling";
    public static final String GM_HANDLING = "UserTask_GmOverdueHandling";
    public static final String GROUP_HANDLING = "UserTask_GroupCentreOverdueHandling";
    public static final String RECORD_RESOLUTION = "ServiceTask_RecordResolution";
    public static final String CALLBACK = "UserTask_CallbackOwner";
    public static final String CALLBACK_OVERDUE = "BoundaryEvent_CallbackOverdue";
    public static final String ESCALATE_CALLBACK = "ServiceTask_EscalateOverdueCallback";
    public static final String SUPERVISE_CALLBACK = "UserTask_SuperviseOverdueCallback";
    public static final String REOPEN = "ServiceTask_ReopenComplaint";
    public static final String MAJOR_REPORT = "UserTask_WriteMajorReport";
    public static final String REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String ESCALATE_REPORT = "ServiceTask_EscalateOverdueReport";
    public static final String GM_REPORT = "UserTask_GmOverdueReport";
    public static final String CLOSE = "ServiceTask_CloseComplaint";
    public static final String END_CLOSED = "EndEvent_ComplaintClosed";

    private Element() {}
  }

  /** Process variables. */
  public static final class Var {
    // intake
    public static final String CHANNEL = "channel";
    public static final String UNIT_CODE = "unitCode";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String CATEGORY = "category";
    public static final String SUBCATEGORY = "subcategory";
    public static final String DESCRIPTION = "description";
    public static final String REGISTERED_BY = "registeredBy";
    // derived at registration
    public static final String CASE_NUMBER = "caseNumber";
    public static final String COMPANY_CODE = "companyCode";
    public static final String PROJECT_CODE = "projectCode";
    public static final String OWNER_ID = "ownerId";
    public static final String FIRST_CONTACT_OWNER = "firstContactOwner";
    public static final String REOPEN_COUNT = "reopenCount";
    // classification (DMN results and deadlines)
    public static final String ROUTING = "routing";
    public static final String GRADING = "grading";
    public static final String RESPONSIBLE_GROUP = "responsibleGroup";
    public static final String HANDLING_GROUPS = "handlingGroups";
    public static final String SEVERITY = "severity";
    public static final String RESOLUTION_WORKING_DAYS = "resolutionWorkingDays";
    public static final String GM_ESCALATION_WORKING_DAYS = "gmEscalationWorkingDays";
    public static final String GROUP_ESCALATION_WORKING_DAYS = "groupEscalationWorkingDays";
    public static final String REPLY_DUE = "replyDue";
    /** the GM and group-centre escalations fall due these working days after it (expressions in the model) */
    public static final String RESOLUTION_DUE = "resolutionDue";
    public static final String CALLBACK_DUE = "callbackDue";
    /**
     * what staff read in Tasklist instead of codes and timestamps, one JSON variable (forms show
     * {@code {{labels.category}}}): channel, category, subcategory, severity, responsibleGroup,
     * replyDue, resolutionDue
     */
    public static final String LABELS = "labels";
    // work
    public static final String REPLY_TEXT = "replyText";
    public static final String HANDLING_RESULT = "handlingResult";
    public static final String OWNER_SATISFIED = "ownerSatisfied";
    public static final String SATISFACTION = "satisfaction";
    public static final String SATISFACTION_COMMENT = "satisfactionComment";
    public static final String REPORT_WHAT_HAPPENED = "reportWhatHappened";
    public static final String REPORT_ACTIONS_TAKEN = "reportActionsTaken";
    public static final String REPORT_OWNER_REACTION = "reportOwnerReaction";
    public static final String SUPERVISION_NOTE = "supervisionNote";
    // mass complaints (群诉): the incident a complaint is linked to, and how its first reply goes
    public static final String MASS_INCIDENT = "massIncident";
    public static final String REPLY_MODE = "replyMode";
    /** a drill's simulated complaint: no message reaches the owner, kept out of KPIs */
    public static final String DRILL = "drill";

    private Var() {}
  }

  /** Messages a mass incident sends to the complaints linked to it. */
  public static final class Message {
    /** the complaint was linked to a mass incident: its own reply waits for the unified one */
    public static final String LINKED_TO_INCIDENT = "MassIncidentLinked";
    /** the incident's unified reply (variable replyText) was approved and published */
    public static final String UNIFIED_REPLY_PUBLISHED = "UnifiedReplyPublished";
    /** the incident was resolved (variable handlingResult): on to the callback */
    public static final String INCIDENT_RESOLVED = "MassIncidentResolved";

    private Message() {}
  }

  /** How the first reply goes ({@code replyMode}). */
  public static final String REPLY_OWN = "own";
  public static final String REPLY_AWAIT = "await";
  public static final String REPLY_UNIFIED = "unified";

  public static final String SEVERITY_MAJOR = "major";
  public static final String SEVERITY_ORDINARY = "ordinary";
  public static final String MANAGER_GROUP = "cs-manager";
  public static final String FRONT_DESK_GROUP = "frontdesk";
  /** integration accounts of the owner app and forum: they register, they do not own */
  public static final String CHANNEL_GROUP = "channel-app";

  /** Channels (渠道) a complaint may come through. */
  public static final List<String> CHANNELS = List.of("hotline", "frontdesk", "forum", "app", "letter", "patrol", "survey");
  /** Level-2 categories (Vanke's satisfaction indicators). */
  public static final List<String> CATEGORIES = List.of("design", "engineering", "sales", "property", "other");

  /** The callback's satisfaction score (forms submit it as Integer or Long), or null. */
  static Integer satisfaction(org.camunda.bpm.engine.delegate.VariableScope scope) {
    Object value = scope.getVariable(Var.SATISFACTION);
    return value instanceof Number number ? number.intValue() : null;
  }

  private ComplaintProcess() {}
}
