package com.casedesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableFilterTest {

  @Test
  void connection_failures_however_wrapped_mean_the_database_is_unavailable() {
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new ServletException("Request processing failed",
        new ProcessEngineException("persistence", new SQLTransientConnectionException("Connection is not available")))))
        .isTrue();
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new RuntimeException(new ConnectException("refused")))).isTrue();
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new SQLException("I/O error", "08006"))).isTrue();
    // the rollback failed on the closed connection; the failure before it was the outage
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEngineException("persistence", new SQLException("I/O error", "08006")));
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(rollback)).isTrue();
    // the commit failed on 57P01, Spring rolled back and reported only the rollback's failure
    // (faults.py outage, 1 answer in about 4 runs was a 500 before)
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new ServletException("Request processing failed",
        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))).isTrue();
  }

  @Test
  void other_failures_are_not_an_outage() {
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new DataIntegrityViolationException("value too long"))).isFalse();
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(
        new TransactionSystemException("no transaction in progress"))).isFalse();
  }

  @Test
  void an_outage_is_answered_503_with_retry_after_and_a_bug_is_left_alone() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DatabaseUnavailableFilter().doFilter(new MockHttpServletRequest("POST", "/api/complaints"), response,
        new MockFilterChain() {
          @Override
          public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse res) {
            throw new ProcessEngineException("persistence", new SQLTransientConnectionException("timed out after 3000ms"));
          }
        });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Idempotency-Key");

    IllegalStateException bug = new IllegalStateException("a bug");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DatabaseUnavailableFilter().doFilter(
        new MockHttpServletRequest("POST", "/api/complaints"), new MockHttpServletResponse(), new MockFilterChain() {
          @Override
          public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse res) {
            throw bug;
          }
        })).isSameAs(bug);
  }
}
