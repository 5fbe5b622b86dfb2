package com.onautomate.opportunities.mockserver.admin;

import com.onautomate.opportunities.mockserver.errors.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call {@code /__admin/}: a caller on this machine (a loopback address: the server binds
 * 127.0.0.1 by default, so only local tests and tools reach it), or one that sends
 * {@code Authorization: Bearer <onautomate.admin.token>}. Anyone else gets
 * {@code 403 {"msg": "Forbidden"}}: with no admin token set, the admin endpoints of a server bound
 * to {@code 0.0.0.0} are closed to other machines.
 */
final class AdminAccess extends OncePerRequestFilter {

  static final String PREFIX = "/__admin/";

  private final byte[] token;
  private final ErrorBodies errors;

  AdminAccess(String token, ErrorBodies errors) {
    this.token = token == null || token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.startsWith(PREFIX) || path.equals("/__admin"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isLoopback(request.getRemoteAddr()) || hasToken(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      chain.doFilter(request, response);
    } else {
      errors.write(response, HttpStatus.FORBIDDEN, "Forbidden");
    }
  }

  private boolean hasToken(String authorization) {
    // Compared in constant time: the admin token guards the reset of everyone's data.
    return token != null && authorization != null
        && MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isLoopback(String address) {
    if (address == null || address.isEmpty()) {
      return false;
    }
    if (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    try {
      // A literal address (never a name lookup): Tomcat gives the remote address as text.
      return (Character.digit(address.charAt(0), 16) >= 0 || address.contains(":"))
          && InetAddress.getByName(address).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
