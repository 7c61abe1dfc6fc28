package com.casedesk.owner;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the owners' public endpoints {@code /owner/api/*}: a token bucket per client address
 * (Bucket4j; 429 with Retry-After when empty) and a body size limit (413; a POST without a length
 * is refused with 411), both before anything is parsed.
 */
@Configuration(proxyBeanMethods = false)
class OwnerGuardFilter {

  /** Buckets kept at most; beyond that the map starts afresh (a flood of new addresses). */
  static final int MAX_CLIENTS = 10_000;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> ownerGuard(OwnerProperties properties) {
    Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (buckets.size() > MAX_CLIENTS) {
          buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(properties.requestsPerMinute())
                .refillGreedy(properties.requestsPerMinute(), Duration.ofMinutes(1)).build())
            .build());
        if (!bucket.tryConsume(1)) {
          response.setHeader("Retry-After", "60");
          refuse(response, 429, "请求过于频繁，请稍后再试");
          return;
        }
        if ("POST".equals(request.getMethod())) {
          long length = request.getContentLengthLong();
          if (length < 0) {
            refuse(response, 411, "请求缺少长度");
            return;
          }
          if (length > properties.maxBodyBytes()) {
            refuse(response, 413, "请求内容过大");
            return;
          }
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("casedesk-owner-guard");
    registration.addUrlPatterns("/owner/api/*");
    return registration;
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getOutputStream().write(("{\"status\":" + status + ",\"title\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
