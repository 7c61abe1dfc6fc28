package com.casedesk.handover;

/** Ids and variable names of unit-handover, unit-handover-batch and defect-rectification. */
public final class HandoverProcess {

  public static final String PROCESS_KEY = "unit-handover";
  public static final String BATCH_PROCESS_KEY = "unit-handover-batch";
  public static final String DEFECT_PROCESS_KEY = "defect-rectification";
  public static final String DECISION_DEFECT_DEADLINES = "defect-deadlines";

  /** Elements of unit-handover. */
  public static final class Element {
    public static final String REGISTER = "ServiceTask_RegisterHandover";
    public static final String PRE_INSPECTION = "UserTask_PreInspection";
    public static final String PRE_INSPECTION_OVERDUE = "BoundaryEvent_PreInspectionOverdue";
    public static final String JOINT_INSPECTION = "UserTask_JointInspection";
    public static final String INSPECTION_OVERDUE = "BoundaryEvent_InspectionOverdue";
    public static final String RECORD_INSPECTION = "ServiceTask_RecordInspection";
    public static final String START_RECTIFICATIONS = "ServiceTask_StartRectifications";
    public static final String RECORD_REFUSAL = "ServiceTask_RecordRefusal";
    public static final String SCHEDULE_REINSPECTION = "UserTask_ScheduleReinspection";
    public static final String REINSPECTION_OVERDUE = "BoundaryEvent_ReinspectionOverdue";
    public static final String HAND_OVER_KEYS = "ServiceTask_HandOverKeys";
    public static final String SEND_WELCOME = "ServiceTask_SendWelcome";
    public static final String CARE_VISIT = "UserTask_CareVisit";
    public static final String CARE_VISIT_OVERDUE = "BoundaryEvent_CareVisitOverdue";
    public static final String WARRANTY_REMINDER_DUE = "IntermediateCatchEvent_WarrantyReminderDue";
    public static final String SEND_WARRANTY_REMINDER = "ServiceTask_SendWarrantyReminder";
    public static final String END_COMPLETE = "EndEvent_HandoverComplete";

    private Element() {}
  }

  /** Elements of defect-rectification. */
  public static final class Defect {
    public static final String ASSIGN = "UserTask_AssignContractor";
    public static final String ASSIGN_OVERDUE = "BoundaryEvent_AssignOverdue";
    public static final String RECTIFY = "UserTask_Rectify";
    public static final String VERIFY = "UserTask_VerifyRectification";
    public static final String RECTIFICATION_OVERDUE = "StartEvent_RectificationOverdue";
    public static final String SUPERVISE_OVERDUE = "UserTask_SuperviseOverdueRectification";
    public static final String RECTIFICATION_OVERDUE_GM = "StartEvent_RectificationOverdueGm";
    public static final String GM_SUPERVISE = "UserTask_GmSuperviseRectification";
    public static final String OWNER_CONFIRMATION = "UserTask_OwnerConfirmation";
    public static final String CONFIRMED_ONLINE = "BoundaryEvent_OwnerConfirmedOnline";
    public static final String CONFIRMATION_OVERDUE = "BoundaryEvent_ConfirmationOverdue";
    public static final String REOPEN = "ServiceTask_ReopenRectification";
    public static final String CLOSE = "ServiceTask_CloseDefect";
    public static final String END_CLOSED = "EndEvent_DefectClosed";
    /** the message that starts a rectification */
    public static final String MESSAGE_RECORDED = "DefectRecorded";
    /** the owner confirmed online (POST /api/defects/{caseNumber}/confirm) */
    public static final String MESSAGE_OWNER_CONFIRMED = "OwnerConfirmedDefect";

    private Defect() {}
  }

  /** Process variables. */
  public static final class Var {
    public static final String UNIT_CODE = "unitCode";
    public static final String APPOINTMENT_AT = "appointmentAt";
    public static final String PRE_INSPECTION = "preInspection";
    public static final String REGISTERED_BY = "registeredBy";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String COMPANY_CODE = "companyCode";
    public static final String PROJECT_CODE = "projectCode";
    public static final String BUILDING_CODE = "buildingCode";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String FIRST_CONTACT_OWNER = "firstContactOwner";
    public static final String PRE_INSPECTION_DUE = "preInspectionDue";
    public static final String INSPECTION_DUE = "inspectionDue";
    public static final String REINSPECTION_DUE = "reinspectionDue";
    public static final String CARE_VISIT_DUE = "careVisitDue";
    public static final String PRE_INSPECTION_REMARKS = "preInspectionRemarks";
    /** the joint inspection's defects, a JSON array of {room, location, category, description, photos: [variable names]} */
    public static final String DEFECTS = "defects";
    public static final String OWNER_ACCEPTS = "ownerAccepts";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String NEW_DEFECTS = "newDefects";
    public static final String CARE_VISIT_NOTE = "careVisitNote";
    public static final String WARRANTY_ITEMS = "warrantyItems";
    public static final String WARRANTY_ITEM = "warrantyItem";
    public static final String REMIND_AT = "remindAt";
    public static final String HANDED_OVER_AT = "handedOverAt";
    // batch
    public static final String BATCH_UNITS = "batchUnits";
    public static final String BATCH_UNIT = "batchUnit";
    public static final String FIRST_APPOINTMENT_AT = "firstAppointmentAt";
    public static final String SLOT_MINUTES = "slotMinutes";
    // defect
    public static final String HANDOVER_CASE = "handoverCase";
    public static final String ROOM = "room";
    public static final String LOCATION = "location";
    public static final String CATEGORY = "category";
    public static final String DESCRIPTION = "description";
    public static final String RECORDED_BY = "recordedBy";
    public static final String DEADLINE = "deadline";
    public static final String ASSIGN_DUE = "assignDue";
    public static final String RECTIFICATION_DUE = "rectificationDue";
    public static final String GM_ESCALATION_DUE = "gmEscalationDue";
    public static final String VERIFICATION_DUE = "verificationDue";
    public static final String CONFIRMATION_DUE = "confirmationDue";
    public static final String CONTRACTOR_CODE = "contractorCode";
    public static final String CONTRACTOR_GROUP = "contractorGroup";
    public static final String CONTRACTOR_OPTIONS = "contractorOptions";
    public static final String RECTIFICATION_NOTE = "rectificationNote";
    public static final String VERIFICATION_PASSED = "verificationPassed";
    public static final String VERIFICATION_NOTE = "verificationNote";
    public static final String OWNER_SATISFIED = "ownerSatisfied";
    public static final String CONFIRMATION_NOTE = "confirmationNote";

    private Var() {}
  }

  public static final String RECTIFICATION_GROUP = "rectification";
  public static final String GM_GROUP = "project-gm";

  private HandoverProcess() {}
}
