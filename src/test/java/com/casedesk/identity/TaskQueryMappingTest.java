package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * CaseDesk's Task.xml must be the engine's, with only the authorization check changed: after an
 * engine upgrade this fails until the copy is redone (see the file's header).
 */
class TaskQueryMappingTest {

  /** the engine's join, which CaseDesk's copy replaces by one comment line */
  private static final String ENGINE_JOIN = """
          <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
            <if test="!authCheck.revokeAuthorizationCheckEnabled">   \s
              <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />\s
              AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
            </if>
          </if>
      """;
  private static final String OUR_JOIN = """
          <!-- casedesk: no join of ACT_RU_AUTHORIZATION; see casedeskTaskAuthorizationCheck -->
      """;
  private static final String ENGINE_CHECK = """
            <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />\s
      """;
  private static final String OUR_CHECK = """
            <include refid="casedeskTaskAuthorizationCheck" />
      """;

  private static String resource(String name) throws IOException {
    try (InputStream in = TaskQueryMappingTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void our_task_mapping_is_the_engines_with_only_the_authorization_check_changed() throws IOException {
    String engine = resource(TaskQueryMapping.ENGINE_TASK_MAPPING);
    String ours = resource(TaskQueryMapping.OUR_TASK_MAPPING);
    assertThat(engine).as("the engine's Task.xml still has the join CaseDesk replaces").containsOnlyOnce(ENGINE_JOIN)
        .containsOnlyOnce(ENGINE_CHECK);
    assertThat(ours).containsOnlyOnce(OUR_JOIN).containsOnlyOnce(OUR_CHECK);

    String undone = ours.replaceAll("(?s)[ ]*<!-- casedesk:begin -->.*?<!-- casedesk:end -->\\n(\\n)?", "")
        .replace(OUR_JOIN, ENGINE_JOIN)
        .replace(OUR_CHECK, ENGINE_CHECK);
    assertThat(undone).isEqualTo(engine);
  }

  @Test
  void the_engine_configuration_loads_our_task_mapping_in_place_of_the_engines() throws IOException {
    String engine = resource("org/camunda/bpm/engine/impl/mapping/mappings.xml");
    String ours = TaskQueryMapping.withOurTaskMapping(engine);

    assertThat(ours).doesNotContain(TaskQueryMapping.ENGINE_TASK_MAPPING)
        .containsOnlyOnce("<mapper resource=\"" + TaskQueryMapping.OUR_TASK_MAPPING + "\" />");
    assertThat(ours.replace(TaskQueryMapping.OUR_TASK_MAPPING, TaskQueryMapping.ENGINE_TASK_MAPPING)).isEqualTo(engine);
  }

  @Test
  void an_engine_whose_configuration_no_longer_lists_task_xml_is_refused_at_start_up() {
    assertThatThrownBy(() -> TaskQueryMapping.withOurTaskMapping("<configuration><mappers/></configuration>"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be redone");
  }
}
