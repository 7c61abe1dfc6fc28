package com.casedesk.emergency;

import com.casedesk.calendar.EngineClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The drill evaluation (演练评估): each measured step's actual time after the declaration against
 * its target; a step passes when it was done by its due instant; the drill passes when every
 * step does. Written once when the drill closes, read by the API and the last task's form.
 */
@Service
public class DrillEvaluations {

  private final JdbcClient jdbc;
  private final MassIncidents incidents;
  private final EmergencyProperties properties;

  DrillEvaluations(JdbcClient jdbc, MassIncidents incidents, EmergencyProperties properties) {
    this.jdbc = jdbc;
    this.incidents = incidents;
    this.properties = properties;
  }

  /** One step of the evaluation. {@code actualMinutes} is null for a step never done. */
  public record StepResult(String step, String name, String target, long targetMinutes, LocalDateTime dueAt,
      LocalDateTime doneAt, Long actualMinutes, boolean escalated, boolean passed) {}

  /** The evaluation of a drill. */
  public record Evaluation(String caseNumber, String companyCode, String projectCode, String level,
      LocalDateTime declaredAt, LocalDateTime evaluatedAt, boolean passed, int stepsPassed, int stepsTotal,
      List<StepResult> steps) {}

  /** Evaluates a drill from its recorded steps and stores the result (again: the same result). */
  Evaluation evaluate(String caseNumber) {
    MassIncident drill = incidents.find(caseNumber).orElseThrow();
    if (!drill.drill()) {
      throw new IllegalStateException(caseNumber + " is a real incident, not a drill");
    }
    Evaluation evaluation = compute(drill, LocalDateTime.ofInstant(EngineClock.now().toInstant(), java.time.ZoneId.systemDefault()));
    int updated = jdbc.sql("UPDATE drill_evaluation SET evaluated_at = ?, passed = ?, steps_passed = ?, steps_total = ? WHERE case_number = ?")
        .params(Timestamp.valueOf(evaluation.evaluatedAt()), evaluation.passed(), evaluation.stepsPassed(),
            evaluation.stepsTotal(), caseNumber).update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO drill_evaluation (case_number, company_code, evaluated_at, passed, steps_passed, steps_total)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(caseNumber, drill.companyCode(), Timestamp.valueOf(evaluation.evaluatedAt()), evaluation.passed(),
              evaluation.stepsPassed(), evaluation.stepsTotal()).update();
    }
    return evaluation;
  }

  /** The stored evaluation of a drill; empty for a real incident or a drill not evaluated yet. */
  public Optional<Evaluation> find(String caseNumber) {
    Optional<LocalDateTime> evaluatedAt = jdbc.sql("SELECT evaluated_at FROM drill_evaluation WHERE case_number = ?")
        .param(caseNumber).query(LocalDateTime.class).optional();
    return evaluatedAt.flatMap(at -> incidents.find(caseNumber).map(drill -> compute(drill, at)));
  }

  private Evaluation compute(MassIncident drill, LocalDateTime evaluatedAt) {
    List<StepResult> steps = incidents.steps(drill.caseNumber()).stream().map(step -> {
      Long actual = step.doneAt() == null ? null : Duration.between(drill.declaredAt(), step.doneAt()).toMinutes();
      boolean passed = step.doneAt() != null && !step.doneAt().isAfter(step.dueAt());
      return new StepResult(step.step(), properties.label("step", step.step()), step.target(), step.targetMinutes(),
          step.dueAt(), step.doneAt(), actual, step.escalated(), passed);
    }).toList();
    int passed = (int) steps.stream().filter(StepResult::passed).count();
    return new Evaluation(drill.caseNumber(), drill.companyCode(), drill.projectCode(), drill.level(),
        drill.declaredAt(), evaluatedAt, !steps.isEmpty() && passed == steps.size(), passed, steps.size(), steps);
  }

  /** The evaluation as staff read it in the last task's form, one line per step. */
  static String text(Evaluation evaluation) {
    StringBuilder text = new StringBuilder();
    text.append("演练 ").append(evaluation.caseNumber()).append("：").append(evaluation.passed() ? "通过" : "未通过")
        .append("（").append(evaluation.stepsPassed()).append("/").append(evaluation.stepsTotal()).append(" 个环节达标）\n");
    for (StepResult step : evaluation.steps()) {
      text.append(step.passed() ? "✔ " : "✘ ").append(step.name()).append("：目标 ").append(minutes(step.targetMinutes()))
          .append("，实际 ").append(step.actualMinutes() == null ? "未完成" : minutes(step.actualMinutes()))
          .append(step.escalated() ? "（曾升级）" : "").append('\n');
    }
    return text.toString().trim();
  }

  static String minutes(long minutes) {
    if (minutes < 60) {
      return minutes + "分钟";
    }
    return minutes % 60 == 0 ? (minutes / 60) + "小时" : (minutes / 60) + "小时" + (minutes % 60) + "分钟";
  }
}
