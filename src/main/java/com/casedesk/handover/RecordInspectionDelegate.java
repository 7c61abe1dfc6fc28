package com.casedesk.handover;

import com.casedesk.api.Actors;
import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.handover.HandoverProcess.Var;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordInspectionDelegate}}, right after the joint inspection (联合验收), in its
 * transaction: checks the defects the form submitted ({@code defects}: a JSON array of room,
 * location, category, description and the names of the photo variables) and the owner's decision,
 * then writes every defect against the unit with its photos, under a ZG- case number of its own.
 * The staff member who completes the inspection becomes each defect's owner (首问负责). A wrong
 * entry refuses the completion: the task stays open with the reason, nothing is lost.
 */
@Component
class RecordInspectionDelegate implements JavaDelegate {

  static final int MAX_DEFECTS = 50;
  static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

  private final ObjectMapper json;
  private final CaseNumbers caseNumbers;
  private final UnitDefects defects;
  private final UnitHandovers handovers;
  private final UnitEvents events;
  private final HandoverProperties properties;

  RecordInspectionDelegate(ObjectMapper json, CaseNumbers caseNumbers, UnitDefects defects, UnitHandovers handovers,
      UnitEvents events, HandoverProperties properties) {
    this.json = json;
    this.caseNumbers = caseNumbers;
    this.defects = defects;
    this.handovers = handovers;
    this.events = events;
    this.properties = properties;
  }

  record FoundDefect(String room, String location, String category, String description, List<String> photoVariables) {}

  @Override
  public void execute(DelegateExecution execution) {
    List<FieldError> errors = new ArrayList<>();
    List<FoundDefect> found = parse(execution, errors);
    Object accepts = execution.getVariable(Var.OWNER_ACCEPTS);
    if (!(accepts instanceof Boolean)) {
      errors.add(new FieldError(Var.OWNER_ACCEPTS, "请选择业主是否收楼"));
    } else if (!(Boolean) accepts) {
      FieldChecks.plainText(errors, execution.getVariables(), Var.REFUSAL_REASON, true, 1000);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("验收记录有误", errors);
    }

    String handover = execution.getProcessBusinessKey();
    String unit = (String) execution.getVariable(Var.UNIT_CODE);
    String company = execution.getTenantId();
    String recordedBy = recordedBy(execution);
    List<String> numbers = new ArrayList<>();
    for (FoundDefect defect : found) {
      String number = caseNumbers.issue(CaseType.DEFECT, company);
      defects.insert(number, handover, company, unit, defect.room(), defect.location(), defect.category(),
          defect.description(), recordedBy);
      for (String variable : defect.photoVariables()) {
        FileValue photo = execution.getVariableTyped(variable);
        try (InputStream content = photo.getValue()) {
          defects.addPhoto(number, photo.getFilename(), photo.getMimeType(), content.readAllBytes());
        } catch (IOException e) {
          throw new IllegalStateException("Photo " + variable + " of " + handover + " cannot be read", e);
        }
        execution.removeVariable(variable); // the photo lives in the case file, not in the engine
      }
      events.record(unit, number, "defect-recorded", defect.room() + " " + defect.location() + "："
          + defect.description(), recordedBy);
      numbers.add(number);
    }
    handovers.inspected(handover);
    events.record(unit, handover, "joint-inspection", "联合验收：" + found.size() + "项问题，业主"
        + (Boolean.TRUE.equals(accepts) ? "收楼" : "拒收"), recordedBy);
    execution.setVariable(Var.NEW_DEFECTS, String.join(",", numbers));
    execution.setVariable(Var.DEFECTS, null);
  }

  private List<FoundDefect> parse(DelegateExecution execution, List<FieldError> errors) {
    Object value = execution.getVariable(Var.DEFECTS);
    List<FoundDefect> found = new ArrayList<>();
    if (value == null || value.toString().isBlank()) {
      return found;
    }
    JsonNode list;
    try {
      list = json.readTree(value.toString());
    } catch (IOException e) {
      errors.add(new FieldError(Var.DEFECTS, "问题清单格式不正确"));
      return found;
    }
    if (!list.isArray() || list.size() > MAX_DEFECTS) {
      errors.add(new FieldError(Var.DEFECTS, "问题清单应为最多" + MAX_DEFECTS + "项的列表"));
      return found;
    }
    List<String> categories = List.copyOf(properties.labels().getOrDefault("defectCategory", Map.of()).keySet());
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String prefix = "defects[" + (i + 1) + "].";
      Map<String, Object> fields = new HashMap<>();
      for (String name : List.of("room", "location", "category", "description")) {
        fields.put(name, item.path(name).isTextual() ? item.path(name).asText() : null);
      }
      List<FieldError> itemErrors = new ArrayList<>();
      String room = FieldChecks.plainText(itemErrors, fields, "room", true, 50);
      String location = FieldChecks.plainText(itemErrors, fields, "location", true, 100);
      String description = FieldChecks.plainText(itemErrors, fields, "description", true, 1000);
      String category = FieldChecks.text(fields, "category");
      if (category == null || !categories.contains(category)) {
        itemErrors.add(new FieldError("category", "未知问题类别，可选：" + String.join("、", categories)));
      }
      List<String> photos = new ArrayList<>();
      for (JsonNode photo : item.path("photos")) {
        String variable = photo.asText();
        Object typed = variable.matches("^defectPhoto[0-9]{1,4}$") ? execution.getVariableTyped(variable) : null;
        if (!(typed instanceof FileValue file)) {
          itemErrors.add(new FieldError("photos", "照片未上传：" + variable));
        } else if (file.getMimeType() == null || !file.getMimeType().startsWith("image/")) {
          itemErrors.add(new FieldError("photos", "只能上传图片：" + file.getFilename()));
        } else {
          photos.add(variable);
        }
      }
      itemErrors.forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
      found.add(new FoundDefect(room, location, category, description, photos));
    }
    return found;
  }

  /** The staff member completing the inspection; the handover's first contact when the engine does. */
  private static String recordedBy(DelegateExecution execution) {
    if (!Actors.isEngine(execution)) {
      return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    }
    return (String) execution.getVariable(Var.FIRST_CONTACT_OWNER);
  }
}
