package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CaseDesk's Task.xml, VariableInstance.xml and Authorization.xml must be the engine's, with only the listed changes:
 * after an engine upgrade this fails until the copies are redone (see each file's header).
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

  /** the engine's text and CaseDesk's in its place: the candidate links as an EXISTS, no DISTINCT then (list and count) */
  private static final List<Map.Entry<String, String>> CANDIDATE_LINKS = List.of(
      Map.entry(
          "    select ${distinct}\n"
              + "    <include refid=\"columnSelection\"/>\n",
          "    <include refid=\"casedeskCandidateLinks\" />\n"
              + "    select <if test=\"CASEDESK_DISTINCT\">${distinct}</if>\n"
              + "    <include refid=\"columnSelection\"/>\n"),
      Map.entry(
          "    ${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}\n"
              + "    <include refid=\"selectTaskByQueryCriteriaSql\"/>\n"
              + "    ${countDistinctAfterEnd}\n",
          "    <include refid=\"casedeskCandidateLinks\" />\n"
              + "    <if test=\"CASEDESK_DISTINCT\">${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}</if>\n"
              + "    <if test=\"!CASEDESK_DISTINCT\">select count(*)</if>\n"
              + "    <include refid=\"selectTaskByQueryCriteriaSql\"/>\n"
              + "    <if test=\"CASEDESK_DISTINCT\">${countDistinctAfterEnd}</if>\n"),
      Map.entry(
          "    <if test=\"I_JOIN\">\n"
              + "      <!-- Identity links are always left-joined,",
          "    <include refid=\"casedeskCandidateLinks\" />\n"
              + "    <if test=\"I_JOIN and CASEDESK_LINKS_JOINED\">\n"
              + "      <!-- Identity links are always left-joined,"),
      Map.entry(
          "                and I.TYPE_ = 'candidate'\n"
              + "                <if test=\"query.candidateUser != null || query.candidateGroups != null || query.candidateGroupLike != null\">\n",
          "                <if test=\"!CASEDESK_LINKS_JOINED\">and exists (select 1 from ${prefix}ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_</if>\n"
              + "                and I.TYPE_ = 'candidate'\n"
              + "                <if test=\"query.candidateUser != null || query.candidateGroups != null || query.candidateGroupLike != null\">\n"),
      Map.entry(
          "                <if test=\"query.withCandidateUsers\">\n"
              + "                  and I.USER_ID_ is not null\n"
              + "                </if>\n"
              + "              </trim>\n",
          "                <if test=\"query.withCandidateUsers\">\n"
              + "                  and I.USER_ID_ is not null\n"
              + "                </if>\n"
              + "                <if test=\"!CASEDESK_LINKS_JOINED\">)</if>\n"
              + "              </trim>\n"));

  /** the engine's variable query join and check, and what CaseDesk's VariableInstance.xml has in their place */
  private static final List<Map.Entry<String, String>> VARIABLE_QUERY = List.of(
      Map.entry("""
                      <if test="!authCheck.revokeAuthorizationCheckEnabled">     \s
                        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />\s
                        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart}
                          RES.PROC_INST_ID_\s
                          ${authJoinSeparator} PROC_EXECUTION.ID_
                          ${authJoinSeparator} PROCDEF.KEY_
                          ${authJoinSeparator} RES.TASK_ID_
                          ${authJoinSeparator} '*'
                          ${authJoinEnd}
                        )
                      </if>
          """, """
                      <!-- casedesk: no join of ACT_RU_AUTHORIZATION; see casedeskVariableAuthorizationCheck -->
          """),
      Map.entry("""
                      <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
          """, """
                      <include refid="casedeskVariableAuthorizationCheck" />
          """));

  /** the engine's query of the group ids with any authorization, and CaseDesk's in its place */
  private static final List<Map.Entry<String, String>> AUTHORIZED_GROUP_IDS = List.of(
      Map.entry("""
              SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A
          """, """
              <!-- casedesk: the smallest group id, then the next one above the last found, until none is left (no NULL) -->
              WITH RECURSIVE CASEDESK_GROUPS (GROUP_ID_) AS (
                SELECT MIN(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A
                UNION ALL
                SELECT (SELECT MIN(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ &gt; G.GROUP_ID_)
                FROM CASEDESK_GROUPS G WHERE G.GROUP_ID_ IS NOT NULL
              )
              SELECT G.GROUP_ID_ FROM CASEDESK_GROUPS G WHERE G.GROUP_ID_ IS NOT NULL
          """));

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

    String undone = withoutOurBlocks(ours)
        .replace(OUR_JOIN, ENGINE_JOIN)
        .replace(OUR_CHECK, ENGINE_CHECK);
    for (Map.Entry<String, String> change : CANDIDATE_LINKS) {
      assertThat(engine).containsOnlyOnce(change.getKey());
      assertThat(undone).containsOnlyOnce(change.getValue());
      undone = undone.replace(change.getValue(), change.getKey());
    }
    assertThat(undone).isEqualTo(engine);
  }

  @Test
  void our_variable_mapping_is_the_engines_with_only_the_authorization_check_changed() throws IOException {
    assertIsTheEnginesWithOnly(TaskQueryMapping.ENGINE_VARIABLE_MAPPING, TaskQueryMapping.OUR_VARIABLE_MAPPING,
        VARIABLE_QUERY);
  }

  @Test
  void our_authorization_mapping_is_the_engines_with_only_the_authorized_group_ids_changed() throws IOException {
    assertIsTheEnginesWithOnly(TaskQueryMapping.ENGINE_AUTHORIZATION_MAPPING, TaskQueryMapping.OUR_AUTHORIZATION_MAPPING,
        AUTHORIZED_GROUP_IDS);
  }

  /** our copy, with CaseDesk's blocks removed and each change undone, is the engine's file */
  private static void assertIsTheEnginesWithOnly(String engineMapping, String ourMapping,
      List<Map.Entry<String, String>> changes) throws IOException {
    String engine = resource(engineMapping);
    String undone = withoutOurBlocks(resource(ourMapping));
    for (Map.Entry<String, String> change : changes) {
      assertThat(engine).containsOnlyOnce(change.getKey());
      assertThat(undone).containsOnlyOnce(change.getValue());
      undone = undone.replace(change.getValue(), change.getKey());
    }
    assertThat(undone).isEqualTo(engine);
  }

  private static String withoutOurBlocks(String mapping) {
    return mapping.replaceAll("(?s)[ ]*<!-- casedesk:begin -->.*?<!-- casedesk:end -->\\n(\\n)?", "");
  }

  @Test
  void the_engine_configuration_loads_our_mappings_in_place_of_the_engines() throws IOException {
    String engine = resource("org/camunda/bpm/engine/impl/mapping/mappings.xml");
    String ours = TaskQueryMapping.withOurMappings(engine);

    String restored = ours;
    for (Map.Entry<String, String> mapping : TaskQueryMapping.OUR_MAPPINGS.entrySet()) {
      assertThat(ours).doesNotContain(mapping.getKey())
          .containsOnlyOnce("<mapper resource=\"" + mapping.getValue() + "\" />");
      restored = restored.replace(mapping.getValue(), mapping.getKey());
    }
    assertThat(restored).isEqualTo(engine);
  }

  @Test
  void an_engine_whose_configuration_no_longer_lists_task_xml_is_refused_at_start_up() {
    assertThatThrownBy(() -> TaskQueryMapping.withOurMappings("<configuration><mappers/></configuration>"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be redone");
  }
}
