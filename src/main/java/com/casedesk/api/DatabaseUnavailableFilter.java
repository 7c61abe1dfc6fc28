package com.casedesk.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, CaseDesk's own APIs ({@code /api}, {@code /owner/api})
 * answer {@code 503 Service Unavailable} with {@code Retry-After}, in the connection pool's
 * timeout (a few seconds, {@code spring.datasource.hikari.connection-timeout}), instead of a 500
 * with a stack trace or a thread hanging. Nothing was accepted: the request's transaction never
 * committed, so the caller retries with the same {@code Idempotency-Key}.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!databaseUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("""
          {"type":"about:blank","status":503,"title":"服务暂不可用",\
          "detail":"数据库暂时无法连接，本次请求未被受理。请稍后使用相同的 Idempotency-Key 重试。"}""");
    }
  }

  /** True when the failure is the database being out of reach (not a bad statement or a bug). */
  static boolean databaseUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
          || cause instanceof DataAccessResourceFailureException) {
        return true;
      }
      // the commit or rollback failed in JDBC itself: the connection is broken (after a failed
      // commit Spring rolls back and reports only the rollback's failure, e.g. HikariCP's "Connection
      // is closed" without an SQLSTATE, the pool having marked it broken on the commit's 57P01). The
      // outcome is unknown to the caller either way, and a retry with the same Idempotency-Key is safe.
      if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
