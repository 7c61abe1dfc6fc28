package com.casedesk.complaint;

import com.casedesk.api.IdempotentStarts;
import com.casedesk.api.InvalidInputException;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.directory.Directory;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Registers complaints that arrive through the API: checks them, then (once per Idempotency-Key)
 * issues the case number and starts complaint-handling in one transaction.
 */
@Service
public class ComplaintIntakeService {

  static final String ENDPOINT = "POST /api/complaints";

  private final ComplaintIntakeValidator validator;
  private final CaseNumbers caseNumbers;
  private final Directory directory;
  private final RuntimeService runtimeService;
  private final IdempotentStarts idempotentStarts;

  ComplaintIntakeService(ComplaintIntakeValidator validator, CaseNumbers caseNumbers, Directory directory,
      RuntimeService runtimeService, IdempotentStarts idempotentStarts) {
    this.validator = validator;
    this.caseNumbers = caseNumbers;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.idempotentStarts = idempotentStarts;
  }

  public IdempotentStarts.Started register(ComplaintIntakeRequest request, String idempotencyKey, String caller) {
    IdempotentStarts.checkKey(idempotencyKey);
    Map<String, Object> variables = request.toVariables();
    List<InvalidInputException.FieldError> errors = validator.validate(variables);
    if (!errors.isEmpty()) {
      throw new InvalidComplaintException(errors);
    }
    // the number is reserved before the intake transaction (CaseNumbers.reserve): concurrent intakes
    // do not queue on the day's counter row while each starts its process
    return idempotentStarts.startOnce(ENDPOINT, idempotencyKey, caller, request,
        () -> caseNumbers.reserve(CaseType.COMPLAINT), caseNumber -> {
      String company = (request.unitCode() != null && !request.unitCode().isBlank()
          ? directory.companyOfUnit(request.unitCode()) : directory.companyOfProject(request.projectCode())).orElseThrow();
      caseNumbers.register(caseNumber, company);
      String processInstanceId = runtimeService.createProcessInstanceByKey(ComplaintProcess.PROCESS_KEY)
          .businessKey(caseNumber)
          .setVariables(variables)
          .execute()
          .getId();
      return new IdempotentStarts.Started(caseNumber, processInstanceId, false);
    });
  }
}
