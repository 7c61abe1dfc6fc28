package com.casedesk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refusal is a 4xx, not a server error. The engine REST API answers 500 when the engine refuses
 * work on another company's task (tenant check, ENGINE-13034) or when CaseDesk refuses to open a
 * case for a company the caller does not work for (CompanyTenantIdProvider): both are the caller's
 * fault, and a client (or a monitor counting 5xx) must see them as such. This filter, on writes to
 * the engine APIs, turns exactly those answers into 403, and a start without any company into 400;
 * the body (Camunda's JSON error) is kept.
 */
class EngineRefusalStatusFilter extends OncePerRequestFilter {

  /** Texts of refusals that are the caller's fault: (marker, status). */
  private static final List<Object[]> REFUSALS = List.of(
      new Object[] {"ENGINE-13034", HttpServletResponse.SC_FORBIDDEN},
      new Object[] {CompanyTenantIdProvider.NOT_A_MEMBER, HttpServletResponse.SC_FORBIDDEN},
      new Object[] {CompanyTenantIdProvider.NO_COMPANY, HttpServletResponse.SC_BAD_REQUEST});

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return EngineApiPath.of(request) == null
        || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, cached);
      if (cached.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
        String body = new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8);
        for (Object[] refusal : REFUSALS) {
          if (body.contains((String) refusal[0])) {
            cached.setStatus((Integer) refusal[1]);
            break;
          }
        }
      }
    } finally {
      cached.copyBodyToResponse();
    }
  }
}
