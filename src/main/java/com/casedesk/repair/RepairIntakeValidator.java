package com.casedesk.repair;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.directory.Directory;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks a repair request's intake fields, whichever door (Tasklist start form, API) it came through. */
@Component
class RepairIntakeValidator {

  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_LOCATION = 200;

  private final Directory directory;
  private final WorkingTime workingTime;
  private final RepairProperties properties;

  RepairIntakeValidator(Directory directory, WorkingTime workingTime, RepairProperties properties) {
    this.directory = directory;
    this.workingTime = workingTime;
    this.properties = properties;
  }

  /** Throws {@link InvalidInputException} naming every wrong field. */
  void check(Map<String, Object> intake) {
    List<FieldError> errors = validate(intake);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("报修信息有误", errors);
    }
  }

  List<FieldError> validate(Map<String, Object> intake) {
    List<FieldError> errors = new ArrayList<>();
    oneOf(errors, intake, RepairProcess.Var.CHANNEL, RepairProcess.CHANNELS);
    oneOf(errors, intake, RepairProcess.Var.CATEGORY, RepairProcess.CATEGORIES);
    oneOf(errors, intake, RepairProcess.Var.URGENCY, RepairProcess.URGENCIES);
    String locationType = oneOf(errors, intake, RepairProcess.Var.LOCATION_TYPE, RepairProcess.LOCATION_TYPES);
    String unit = FieldChecks.text(intake, RepairProcess.Var.UNIT_CODE);
    String project = FieldChecks.text(intake, RepairProcess.Var.PROJECT_CODE);
    String location = FieldChecks.text(intake, RepairProcess.Var.LOCATION);
    if (RepairProcess.IN_HOME.equals(locationType)) {
      if (unit == null) {
        errors.add(new FieldError("unitCode", "户内报修须填写房号"));
      } else if (directory.companyOfUnit(unit).isEmpty()) {
        errors.add(new FieldError("unitCode", "房号不存在：" + unit));
      } else if (project != null && !project.equals(directory.projectOfUnit(unit).orElse(null))) {
        errors.add(new FieldError("projectCode", "房号 " + unit + " 不属于项目 " + project));
      }
    } else if (RepairProcess.PUBLIC.equals(locationType)) {
      if (project == null && unit == null) {
        errors.add(new FieldError("projectCode", "公共区域报修须填写项目"));
      } else if (project != null && directory.companyOfProject(project).isEmpty()) {
        errors.add(new FieldError("projectCode", "项目不存在：" + project));
      } else if (unit != null && directory.companyOfUnit(unit).isEmpty()) {
        errors.add(new FieldError("unitCode", "房号不存在：" + unit));
      }
      if (location == null) {
        errors.add(new FieldError("location", "公共区域报修须写明位置（如3栋1单元电梯）"));
      }
    }
    FieldChecks.plainText(errors, intake, RepairProcess.Var.LOCATION, false, MAX_LOCATION);
    FieldChecks.plainText(errors, intake, RepairProcess.Var.CONTACT_NAME, true, 50);
    FieldChecks.phone(errors, intake, RepairProcess.Var.CONTACT_PHONE);
    FieldChecks.plainText(errors, intake, RepairProcess.Var.DESCRIPTION, true, MAX_DESCRIPTION);
    Object preferred = intake.get(RepairProcess.Var.PREFERRED_TIME);
    if (preferred != null && !preferred.toString().isBlank()) {
      try {
        Date time = preferredTime(preferred);
        Date now = EngineClock.now();
        if (time.before(now)) {
          errors.add(new FieldError("preferredTime", "预约时间不能早于现在"));
        } else if (time.toInstant().isAfter(now.toInstant().plus(properties.maxAppointmentAhead()))) {
          errors.add(new FieldError("preferredTime", "预约时间不能晚于" + properties.maxAppointmentAhead().toDays() + "天后"));
        }
      } catch (DateTimeParseException | IllegalArgumentException e) {
        errors.add(new FieldError("preferredTime", "时间格式不正确，应如 2026-11-23T10:00+08:00"));
      }
    }
    return errors;
  }

  /**
   * The preferred time as submitted: a Date, an ISO date-time with offset (the Tasklist form), or
   * a local ISO date-time meaning office time.
   */
  Date preferredTime(Object value) {
    return workingTime.parseMoment(value);
  }

  private static String oneOf(List<FieldError> errors, Map<String, Object> intake, String field, List<String> allowed) {
    String value = FieldChecks.text(intake, field);
    if (value == null) {
      errors.add(new FieldError(field, "必填"));
      return null;
    }
    if (!allowed.contains(value)) {
      errors.add(new FieldError(field, "取值无效，可选：" + String.join("、", allowed)));
      return null;
    }
    return value;
  }
}
