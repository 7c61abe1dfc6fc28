package com.casedesk.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * CaseDesk's authorizations are grants only, so the engine never looks for REVOKE authorizations
 * ({@code camunda.bpm.authorization.authorization-check-revokes: never}, which Camunda documents for
 * exactly that case): each command with an authorization check saves the query that asks whether any
 * exists. A REVOKE saved anyway would be ignored without a word, so while revokes are not checked
 * the database refuses them: the check constraint {@value #CONSTRAINT} on {@code ACT_RU_AUTHORIZATION}
 * (Admin and the REST API answer 400 with the reason before that, {@link RevokeAuthorizationGuard}).
 * With revokes checked again ({@code auto} or {@code always}) the constraint is dropped at the next
 * start. A database that already holds REVOKE authorizations stops the start with a message that
 * says what to do.
 * Decision and measurement: docs/adr/0011-grants-only-authorizations.md.
 */
@Component
class RevokeAuthorizationsRefused extends AbstractProcessEnginePlugin {

  static final String CONSTRAINT = "casedesk_no_revoke_authorizations";
  private static final Logger LOG = LoggerFactory.getLogger(RevokeAuthorizationsRefused.class);

  private final DataSource dataSource;
  private boolean revokesChecked;

  RevokeAuthorizationsRefused(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the starter sets the mode from camunda.bpm.authorization.* in its own preInit
    revokesChecked = !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER
        .equalsIgnoreCase(configuration.getAuthorizationCheckRevokes());
  }

  /** true while the engine does not check revokes: a REVOKE is refused */
  boolean refusesRevokes() {
    return !revokesChecked;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    apply(engine, revokesChecked);
  }

  /** adds the constraint when revokes are not checked, drops it when they are */
  void apply(ProcessEngine engine, boolean revokesChecked) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      if (revokesChecked) {
        statement.execute("ALTER TABLE ACT_RU_AUTHORIZATION DROP CONSTRAINT IF EXISTS \"" + CONSTRAINT + "\"");
        return;
      }
      long revokes = engine.getAuthorizationService().createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
      if (revokes > 0) {
        throw new IllegalStateException(revokes + " REVOKE authorizations exist, and the engine is configured not to "
            + "check revokes (camunda.bpm.authorization.authorization-check-revokes: never): they would be ignored. "
            + "Delete them in Admin (Authorizations) or set authorization-check-revokes to auto");
      }
      String add = "ALTER TABLE ACT_RU_AUTHORIZATION ADD CONSTRAINT %s\"" + CONSTRAINT + "\" CHECK (TYPE_ <> "
          + Authorization.AUTH_TYPE_REVOKE + ")";
      // two nodes may start at once: the second finds the constraint there
      statement.execute(postgres
          ? "DO $$ BEGIN " + add.formatted("") + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
          : add.formatted("IF NOT EXISTS "));
      LOG.info("REVOKE authorizations refused ({}): the engine does not check revokes", CONSTRAINT);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set the constraint " + CONSTRAINT + " on ACT_RU_AUTHORIZATION", e);
    }
  }
}
