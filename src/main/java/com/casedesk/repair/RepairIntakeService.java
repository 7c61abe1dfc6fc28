package com.casedesk.repair;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.IdempotentStarts;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.directory.Directory;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Registers repair requests that arrive through the API: checks them, then (once per
 * Idempotency-Key) issues the BX- case number and starts home-repair in one transaction.
 */
@Service
public class RepairIntakeService {

  static final String ENDPOINT = "POST /api/repairs";

  private final RepairIntakeValidator validator;
  private final CaseNumbers caseNumbers;
  private final Directory directory;
  private final RuntimeService runtimeService;
  private final IdempotentStarts idempotentStarts;

  RepairIntakeService(RepairIntakeValidator validator, CaseNumbers caseNumbers, Directory directory,
      RuntimeService runtimeService, IdempotentStarts idempotentStarts) {
    this.validator = validator;
    this.caseNumbers = caseNumbers;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.idempotentStarts = idempotentStarts;
  }

  public IdempotentStarts.Started register(RepairIntakeRequest request, String idempotencyKey, String caller) {
    IdempotentStarts.checkKey(idempotencyKey);
    Map<String, Object> variables = request.toVariables();
    validator.check(variables);
    // the number is reserved before the intake transaction (CaseNumbers.reserve): concurrent intakes
    // do not queue on the day's counter row while each starts its process
    return idempotentStarts.startOnce(ENDPOINT, idempotencyKey, caller, request,
        () -> caseNumbers.reserve(CaseType.REPAIR), caseNumber -> {
      String unit = FieldChecks.text(variables, RepairProcess.Var.UNIT_CODE);
      String company = (unit != null ? directory.companyOfUnit(unit)
          : directory.companyOfProject(request.projectCode().trim())).orElseThrow();
      caseNumbers.register(caseNumber, company);
      String processInstanceId = runtimeService.createProcessInstanceByKey(RepairProcess.PROCESS_KEY)
          .businessKey(caseNumber)
          .setVariables(variables)
          .setVariable(RepairProcess.Var.REGISTERED_BY, caller)
          .execute()
          .getId();
      return new IdempotentStarts.Started(caseNumber, processInstanceId, false);
    });
  }
}
