package com.casedesk.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Small test-only processes (built with the model API, deployed without a tenant like the real
 * ones) to exercise the foundation: a task for a candidate group, and a notification step.
 */
public final class ProbeProcesses {

  public static final String TASK_PROCESS = "probe-task";
  public static final String TASK_ID = "UserTask_Probe";
  public static final String NOTIFY_PROCESS = "probe-notify";
  public static final String NOTIFY_ID = "ServiceTask_NotifyOwner";
  public static final String GROUP_LEVEL_PROCESS = "probe-group-level";

  private ProbeProcesses() {}

  public static synchronized void deploy(RepositoryService repositoryService) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(TASK_PROCESS).count() > 0) {
      return;
    }
    repositoryService.createDeployment()
        .name("foundation-probes")
        .addModelInstance(TASK_PROCESS + ".bpmn", taskProcess(TASK_PROCESS))
        .addModelInstance(GROUP_LEVEL_PROCESS + ".bpmn", taskProcess(GROUP_LEVEL_PROCESS))
        .addModelInstance(NOTIFY_PROCESS + ".bpmn", notifyProcess())
        .deploy();
  }

  private static BpmnModelInstance taskProcess(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("探针流程")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe")
        .userTask(TASK_ID)
          .name("探针任务")
          .camundaCandidateGroups("${candidateGroup}")
        .endEvent("EndEvent_Probe")
        .done();
  }

  private static BpmnModelInstance notifyProcess() {
    return Bpmn.createExecutableProcess(NOTIFY_PROCESS)
        .name("通知探针")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Notify")
        .serviceTask(NOTIFY_ID)
          .name("通知业主")
          .camundaAsyncBefore()
          .camundaDelegateExpression("${enqueueNotificationDelegate}")
          .camundaInputParameter("purpose", "registered")
          .camundaInputParameter("recipientKind", "OWNER")
          .camundaInputParameter("recipient", "${ownerPhone}")
          .camundaInputParameter("channel", "SMS")
          .camundaInputParameter("body", "您的投诉 ${execution.processBusinessKey} 已登记，我们将在24小时内回复。")
        .userTask("UserTask_Wait")
          .name("等待")
          .camundaCandidateGroups("frontdesk")
        .endEvent("EndEvent_Notify")
        .done();
  }
}
