package com.casedesk.emergency;

/** Ids and variable names of {@code processes/mass-complaint.bpmn}: the one place Java names them. */
public final class MassComplaintProcess {

  public static final String PROCESS_KEY = "mass-complaint";
  public static final String SCHEDULE_PROCESS_KEY = "emergency-drill-schedule";
  public static final String DECISION_GRADING = "incident-grading";
  public static final String DECISION_TARGETS = "emergency-response-targets";
  public static final String DECISION_EARLY_WARNING = "mass-complaint-early-warning";

  /** Elements. */
  public static final class Element {
    public static final String START = "StartEvent_IncidentDeclared";
    public static final String REGISTER = "ServiceTask_RegisterIncident";
    public static final String CREATE_DRILL_COMPLAINTS = "ServiceTask_CreateDrillComplaints";
    public static final String GRADE = "BusinessRuleTask_GradeIncident";
    public static final String ALERT = "ServiceTask_AlertLeaders";
    public static final String ASSEMBLE_TEAM = "UserTask_AssembleResponseTeam";
    public static final String ACKNOWLEDGE_GROUP_CENTRE = "UserTask_AcknowledgeGroupCentre";
    public static final String ACKNOWLEDGE_COMPANY_HEAD = "UserTask_AcknowledgeCompanyHead";
    public static final String MOBILISE_OVERDUE = "StartEvent_MobiliseOverdue";
    public static final String ESCALATE_MOBILISATION = "ServiceTask_EscalateMobilisation";
    public static final String DRAFT_REPLY = "UserTask_DraftUnifiedReply";
    public static final String APPROVE_REPLY_GM = "UserTask_ApproveReplyGm";
    public static final String APPROVE_REPLY_GROUP_CENTRE = "UserTask_ApproveReplyGroupCentre";
    public static final String UNIFIED_REPLY_OVERDUE = "StartEvent_UnifiedReplyOverdue";
    public static final String ESCALATE_UNIFIED_REPLY = "ServiceTask_EscalateUnifiedReply";
    public static final String PUBLISH_UNIFIED_REPLY = "ServiceTask_PublishUnifiedReply";
    public static final String COMMUNICATE = "UserTask_CommunicateWithOwners";
    public static final String ROOT_CAUSE = "UserTask_InvestigateRootCause";
    public static final String LIAISON = "UserTask_LiaiseWithMediaAndGovernment";
    public static final String OWNER_COMMUNICATION_OVERDUE = "BoundaryEvent_OwnerCommunicationOverdue";
    public static final String ROOT_CAUSE_OVERDUE = "BoundaryEvent_RootCauseOverdue";
    public static final String LIAISON_OVERDUE = "BoundaryEvent_LiaisonOverdue";
    public static final String RESOLVE = "UserTask_ResolveIncident";
    public static final String RESOLVE_OVERDUE = "BoundaryEvent_ResolveOverdue";
    public static final String PUBLISH_UPDATE = "UserTask_PublishProgressUpdate";
    public static final String UPDATE_MISSED = "BoundaryEvent_UpdateMissed";
    public static final String NEXT_CYCLE = "IntermediateCatchEvent_NextCycle";
    public static final String SUPERVISE_MISSED_UPDATE = "UserTask_SuperviseMissedUpdate";
    public static final String RESOLVE_LINKED = "ServiceTask_ResolveIncident";
    public static final String REVIEW = "UserTask_ReviewIncident";
    public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String CLOSE = "ServiceTask_CloseIncident";
    public static final String EVALUATE_DRILL = "ServiceTask_EvaluateDrill";
    public static final String REVIEW_DRILL_EVALUATION = "UserTask_ReviewDrillEvaluation";
    public static final String DRILL_EVALUATION_OVERDUE = "BoundaryEvent_DrillEvaluationOverdue";
    public static final String END_INCIDENT_CLOSED = "EndEvent_IncidentClosed";
    public static final String END_DRILL_CLOSED = "EndEvent_DrillClosed";

    private Element() {}
  }

  /** Process variables. */
  public static final class Var {
    // declaration (start form, early warning, drill schedule)
    public static final String PROJECT_CODE = "projectCode";
    public static final String BUILDING_CODE = "buildingCode";
    public static final String CATEGORY = "category";
    public static final String DESCRIPTION = "description";
    public static final String HOUSEHOLDS_AFFECTED = "householdsAffected";
    public static final String MEDIA_ATTENTION = "mediaAttention";
    public static final String SAFETY_RISK = "safetyRisk";
    public static final String LINKED_COMPLAINTS = "linkedComplaints";
    public static final String DRILL = "drill";
    public static final String SOURCE = "source";
    public static final String DECLARED_BY = "declaredBy";
    /** the complaint whose early-warning check raised the incident (it links itself) */
    public static final String TRIGGERING_COMPLAINT = "triggeringComplaint";
    // registration and grading
    public static final String CASE_NUMBER = "caseNumber";
    public static final String COMPANY_CODE = "companyCode";
    public static final String GRADING = "grading";
    public static final String RESPONSE_TARGETS = "responseTargets";
    public static final String LEVEL = "level";
    public static final String NOTIFY_GROUPS = "notifyGroups";
    public static final String UPDATE_CYCLE = "updateCycle";
    /** the grade names the company head among those to notify: their acknowledgement task follows */
    public static final String NOTIFY_COMPANY_HEAD = "notifyCompanyHead";
    // work
    public static final String COMMANDER = "commander";
    public static final String RESPONSE_TEAM = "responseTeam";
    public static final String UNIFIED_REPLY_DRAFT = "unifiedReplyDraft";
    /** the approval form's answer, copied to {@link #GM_APPROVED} or {@link #GROUP_CENTRE_APPROVED} */
    public static final String APPROVED = "approved";
    public static final String GM_APPROVED = "gmApproved";
    public static final String GROUP_CENTRE_APPROVED = "groupCentreApproved";
    public static final String REJECTION_NOTE = "rejectionNote";
    public static final String MESSAGE_TO_UNITS = "messageToUnits";
    public static final String OWNER_MESSAGE = "ownerMessage";
    public static final String COMMUNICATION_MEANS = "communicationMeans";
    public static final String COMMUNICATION_SUMMARY = "communicationSummary";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String LIAISON_SUMMARY = "liaisonSummary";
    public static final String UPDATE_ROUND = "updateRound";
    public static final String UPDATE_DUE = "updateDue";
    public static final String PROGRESS_TEXT = "progressText";
    public static final String ADDITIONAL_COMPLAINTS = "additionalComplaints";
    public static final String RESOLUTION_SUMMARY = "resolutionSummary";
    public static final String REVIEW_CAUSES = "reviewCauses";
    public static final String REVIEW_WHAT_WORKED = "reviewWhatWorked";
    public static final String REVIEW_LESSONS = "reviewLessons";
    public static final String DRILL_EVALUATION_TEXT = "drillEvaluationText";
    public static final String DRILL_PASSED = "drillPassed";

    private Var() {}
  }

  /** Where an incident came from (mass_incident.source). */
  public enum Source { EARLY_WARNING, MANUAL, DRILL }

  public static final String GROUP_CENTRE = "group-crc";
  public static final String COMPANY_HEAD = "company-head";
  public static final String ADMIN_GROUP = "camunda-admin";

  private MassComplaintProcess() {}
}
