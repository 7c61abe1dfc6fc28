package com.casedesk.emergency;

import com.casedesk.api.Actors;
import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.directory.Directory;
import com.casedesk.emergency.MassComplaintProcess.Source;
import com.casedesk.emergency.MassComplaintProcess.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerMassIncidentDelegate}}: checks the declaration, issues (or registers) the QS-
 * case number, writes the incident and links the complaints it names. It runs in the start
 * transaction: bad input, a second active incident for the same project and category, or a drill
 * declared by someone outside the group centre refuses the start as a whole, with the reason.
 */
@Component
class RegisterMassIncidentDelegate implements JavaDelegate {

  private final CaseNumbers caseNumbers;
  private final MassIncidents incidents;
  private final IncidentLinks links;
  private final Directory directory;
  private final EmergencyProperties properties;

  RegisterMassIncidentDelegate(CaseNumbers caseNumbers, MassIncidents incidents, IncidentLinks links, Directory directory,
      EmergencyProperties properties) {
    this.caseNumbers = caseNumbers;
    this.incidents = incidents;
    this.links = links;
    this.directory = directory;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> input = execution.getVariables();
    List<FieldError> errors = new ArrayList<>();
    String project = FieldChecks.text(input, Var.PROJECT_CODE);
    String building = FieldChecks.text(input, Var.BUILDING_CODE);
    String category = FieldChecks.text(input, Var.CATEGORY);
    String description = FieldChecks.plainText(errors, input, Var.DESCRIPTION, true, 2000);
    if (project == null) {
      errors.add(new FieldError(Var.PROJECT_CODE, "必填"));
    } else if (directory.companyOfProject(project).isEmpty()) {
      errors.add(new FieldError(Var.PROJECT_CODE, "项目不存在：" + project));
    } else if (building != null && !project.equals(directory.projectOfBuilding(building).orElse(null))) {
      errors.add(new FieldError(Var.BUILDING_CODE, "楼栋 " + building + " 不属于项目 " + project));
    }
    if (category == null) {
      errors.add(new FieldError(Var.CATEGORY, "必填"));
    } else if (!ComplaintProcess.CATEGORIES.contains(category)) {
      errors.add(new FieldError(Var.CATEGORY, "未知类别，可选：" + String.join("、", ComplaintProcess.CATEGORIES)));
    }
    Object households = input.get(Var.HOUSEHOLDS_AFFECTED);
    if (!(households instanceof Number number) || number.intValue() < 1 || number.intValue() > 100000) {
      errors.add(new FieldError(Var.HOUSEHOLDS_AFFECTED, "涉及户数应为1至100000的整数"));
    }
    boolean drill = Boolean.TRUE.equals(input.get(Var.DRILL));
    Source source = source(execution, drill, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("群诉事件登记信息有误", errors);
    }

    String company = execution.getTenantId();
    String caseNumber = caseNumbers.openCase(execution, CaseType.MASS_COMPLAINT, company);
    boolean inserted = incidents.insert(new MassIncidents.NewIncident(caseNumber, company, project, building, category,
        description, source, drill, ((Number) households).intValue(), Boolean.TRUE.equals(input.get(Var.MEDIA_ATTENTION)),
        Boolean.TRUE.equals(input.get(Var.SAFETY_RISK)), FieldChecks.text(input, Var.DECLARED_BY),
        execution.getProcessInstanceId()));
    if (!inserted) {
      String active = incidents.activeFor(project, category).map(MassIncident::caseNumber).orElse("?");
      throw new InvalidInputException("群诉事件登记信息有误", List.of(new FieldError(Var.CATEGORY,
          "该项目此类投诉已有进行中的群诉事件 " + active + "，请在该事件中关联投诉")));
    }
    // only the engine's own early warning names the complaint that raised it (that one links itself)
    boolean system = Actors.isEngine(execution);
    links.linkAll(caseNumber, IncidentLinks.parse(input.get(Var.LINKED_COMPLAINTS)), Var.LINKED_COMPLAINTS,
        system ? FieldChecks.text(input, Var.TRIGGERING_COMPLAINT) : null);

    // a form's empty fields arrive as "": later steps read the checked values
    execution.setVariable(Var.PROJECT_CODE, project);
    execution.setVariable(Var.BUILDING_CODE, building);
    execution.setVariable(Var.CASE_NUMBER, caseNumber);
    execution.setVariable(Var.COMPANY_CODE, company);
    execution.setVariable(Var.DRILL, drill);
    execution.setVariable(Var.SOURCE, source.name());
    execution.setVariable(Var.MEDIA_ATTENTION, Boolean.TRUE.equals(input.get(Var.MEDIA_ATTENTION)));
    execution.setVariable(Var.SAFETY_RISK, Boolean.TRUE.equals(input.get(Var.SAFETY_RISK)));
    execution.setVariable(Var.HOUSEHOLDS_AFFECTED, ((Number) households).intValue());
    // what staff read in forms
    execution.setVariable("projectName", directory.projectName(project).orElse(project));
    execution.setVariable("categoryLabel", properties.label("category", category));
    execution.setVariable("sourceLabel", properties.label("source", source.name()));
    execution.setVariable("drillLabel", drill ? "是（演练，不向业主发送任何消息）" : "否");
  }

  /**
   * Where the declaration comes from. The engine itself (an early warning, the drill schedule)
   * runs without a user; a person may declare a real incident, and only the group centre a drill.
   */
  private static Source source(DelegateExecution execution, boolean drill, List<FieldError> errors) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    boolean system = Actors.isEngine(execution);
    String requested = FieldChecks.text(execution.getVariables(), Var.SOURCE);
    if (drill) {
      if (!system && (user.getGroupIds() == null || !(user.getGroupIds().contains(MassComplaintProcess.GROUP_CENTRE)
          || user.getGroupIds().contains(MassComplaintProcess.ADMIN_GROUP)))) {
        errors.add(new FieldError(Var.DRILL, "只有集团客户关系中心可以发起演练"));
      }
      return Source.DRILL;
    }
    if (Source.EARLY_WARNING.name().equals(requested)) {
      if (!system) {
        errors.add(new FieldError(Var.SOURCE, "预警事件由系统发起"));
      }
      return Source.EARLY_WARNING;
    }
    return Source.MANUAL;
  }
}
