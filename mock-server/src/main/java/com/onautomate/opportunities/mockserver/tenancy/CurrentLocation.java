package com.onautomate.opportunities.mockserver.tenancy;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The location the current request's token belongs to, set by the authentication filter. */
public final class CurrentLocation {

  public static final String ATTRIBUTE = CurrentLocation.class.getName();

  private CurrentLocation() {
  }

  public static String id() {
    Object id = RequestContextHolder.currentRequestAttributes()
        .getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (id == null) {
      throw new IllegalStateException("No authenticated location on this request");
    }
    return (String) id;
  }
}
