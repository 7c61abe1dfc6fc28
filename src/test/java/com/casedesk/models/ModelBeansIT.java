package com.casedesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every bean a model in processes/ calls exists in the running application. */
@CaseDeskIntegrationTest
class ModelBeansIT {

  /** names the engine itself provides in expressions */
  private static final List<String> ENGINE_NAMES = List.of("execution", "task", "authenticatedUserId");

  @Autowired ApplicationContext context;

  @TestFactory
  Stream<DynamicTest> every_expression_names_an_existing_bean() throws IOException {
    return ModelRulesTest.bpmnFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      List<String> names = ModelRulesTest.beanNames(file);
      assertThat(names).as("beans named in " + file).isNotEmpty();
      assertThat(names.stream().filter(name -> !ENGINE_NAMES.contains(name) && !context.containsBean(name)).toList())
          .as("missing beans in " + file).isEmpty();
    }));
  }
}
