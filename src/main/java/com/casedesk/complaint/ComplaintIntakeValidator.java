package com.casedesk.complaint;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.directory.Directory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks a complaint's intake fields, whichever door it came through. */
@Component
class ComplaintIntakeValidator {

  static final int MAX_DESCRIPTION = 4000;

  private final Directory directory;

  ComplaintIntakeValidator(Directory directory) {
    this.directory = directory;
  }

  List<FieldError> validate(Map<String, Object> intake) {
    List<FieldError> errors = new ArrayList<>();
    String channel = FieldChecks.text(intake, ComplaintProcess.Var.CHANNEL);
    if (channel == null) {
      errors.add(new FieldError("channel", "必填"));
    } else if (!ComplaintProcess.CHANNELS.contains(channel)) {
      errors.add(new FieldError("channel", "未知渠道，可选：" + String.join("、", ComplaintProcess.CHANNELS)));
    }
    String subcategory = FieldChecks.text(intake, ComplaintProcess.Var.SUBCATEGORY);
    if (subcategory != null && !subcategory.matches("^[a-z-]{1,32}$")) {
      errors.add(new FieldError("subcategory", "格式不正确"));
    }
    String category = FieldChecks.text(intake, ComplaintProcess.Var.CATEGORY);
    if (category == null) {
      errors.add(new FieldError("category", "必填"));
    } else if (!ComplaintProcess.CATEGORIES.contains(category)) {
      errors.add(new FieldError("category", "未知类别，可选：" + String.join("、", ComplaintProcess.CATEGORIES)));
    }
    String unit = FieldChecks.text(intake, ComplaintProcess.Var.UNIT_CODE);
    String project = FieldChecks.text(intake, ComplaintProcess.Var.PROJECT_CODE);
    if (unit == null && project == null) {
      errors.add(new FieldError("unitCode", "房号或项目（公共区域投诉）至少填写一项"));
    } else if (unit != null && directory.companyOfUnit(unit).isEmpty()) {
      errors.add(new FieldError("unitCode", "房号不存在：" + unit));
    } else if (unit == null && directory.companyOfProject(project).isEmpty()) {
      errors.add(new FieldError("projectCode", "项目不存在：" + project));
    } else if (unit != null && project != null && !project.equals(directory.projectOfUnit(unit).orElse(null))) {
      errors.add(new FieldError("projectCode", "房号 " + unit + " 不属于项目 " + project));
    }
    FieldChecks.plainText(errors, intake, ComplaintProcess.Var.CONTACT_NAME, true, 50);
    FieldChecks.phone(errors, intake, ComplaintProcess.Var.CONTACT_PHONE);
    FieldChecks.plainText(errors, intake, ComplaintProcess.Var.DESCRIPTION, true, MAX_DESCRIPTION);
    return errors;
  }
}
