package com.casedesk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Authorization;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A REVOKE authorization created through the engine REST API or Admin (the webapps' engine API) is
 * answered 400 with a message saying why, before the engine sees it: CaseDesk's engine does not
 * check revokes ({@link RevokeAuthorizationsRefused}, whose database constraint refuses it anyway,
 * but the REST API would only answer "an exception occurred in the persistence layer"). Anything
 * else, a body that is not JSON included, goes on to the engine unchanged.
 */
class RevokeAuthorizationGuard extends OncePerRequestFilter {

  /** the create endpoint, after the API prefix */
  private static final Pattern CREATE = Pattern.compile("(/engine/[^/]+)?/authorization/create/?");
  private static final int MAX_BODY = 1 << 16;

  private final ObjectMapper json;
  private final RevokeAuthorizationsRefused refused;

  RevokeAuthorizationGuard(ObjectMapper json, RevokeAuthorizationsRefused refused) {
    this.json = json;
    this.refused = refused;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String api = EngineApiPath.of(request);
    return api == null || !"POST".equals(request.getMethod()) || !CREATE.matcher(api).matches()
        || !refused.refusesRevokes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = GuardAnswers.body(request, response, MAX_BODY);
    if (body == null) {
      return;
    }
    if (isRevoke(body)) {
      GuardAnswers.refuse(response, json, HttpServletResponse.SC_BAD_REQUEST,
          "CaseDesk 只使用授予（GRANT）和全局（GLOBAL）授权，不支持撤销（REVOKE）授权：要收回权限，请删除或修改对应的授予授权。"
              + " (REVOKE authorizations are not checked here: authorization-check-revokes is never)");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private boolean isRevoke(byte[] body) {
    try {
      JsonNode type = body.length == 0 ? null : json.readTree(body).get("type");
      return type != null && type.asInt(-1) == Authorization.AUTH_TYPE_REVOKE;
    } catch (IOException e) {
      // not JSON: the engine answers it as it would
      return false;
    }
  }
}
