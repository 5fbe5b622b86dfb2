package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import com.onautomate.opportunities.mockserver.storage.SearchKeys;
import com.onautomate.opportunities.mockserver.web.JsonFields;
import com.onautomate.opportunities.server.model.OpportunityStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the list's query parameters before Spring binds them, so that every bad parameter is
 * reported at once (422, keyed by the parameter's name) and {@code tags=a,b} stays one tag.
 */
final class ListQueryParser implements HandlerInterceptor {

  static final String ATTRIBUTE = ListQuery.class.getName();

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      request.setAttribute(ATTRIBUTE, parse(request));
    }
    return true;
  }

  static ListQuery parse(HttpServletRequest request) {
    FieldProblems problems = new FieldProblems();
    Params params = new Params(request, problems);
    int page = params.integer("page", 1, Integer.MAX_VALUE, 1);
    int limit = params.integer("limit", 1, 100, 20);
    String title = params.string("title", 255);
    String stageId = params.string("stageId", 64);
    String status = params.string("status", 16);
    if (status != null && !isStatus(status)) {
      problems.invalid("status");
    }
    Double monetaryValue = params.number("monetaryValue", OpportunityBodyReaders.MAX_MONETARY_VALUE);
    String assignedTo = params.string("assignedTo", 64);
    String contactId = params.string("contactId", 64);
    String email = params.string("email", 254);
    if (email != null && !JsonFields.isEmail(email)) {
      problems.email("email");
    }
    String name = params.string("name", 255);
    String phone = params.string("phone", 32);
    List<String> tags = params.tags();
    String companyName = params.string("companyName", 255);
    problems.throwIfAny();
    return new ListQuery(page, limit, SearchKeys.lower(title), stageId, status, monetaryValue, assignedTo,
        contactId, SearchKeys.lower(email), SearchKeys.lower(name), phone, tags, SearchKeys.lower(companyName));
  }

  private static boolean isStatus(String value) {
    for (OpportunityStatus status : OpportunityStatus.values()) {
      if (status.getValue().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private record Params(HttpServletRequest request, FieldProblems problems) {

    /** The one value of a parameter; given twice, it is invalid. */
    String single(String name) {
      String[] values = request.getParameterValues(name);
      if (values == null) {
        return null;
      }
      if (values.length > 1) {
        problems.invalid(name);
        return null;
      }
      return values[0];
    }

    int integer(String name, int min, int max, int absent) {
      String value = single(name);
      if (value == null) {
        return absent;
      }
      if (!INTEGER.matcher(value).matches()) {
        problems.integer(name);
        return absent;
      }
      long number = Long.parseLong(value);
      if (number < min) {
        problems.minValue(name, min);
        return absent;
      }
      if (number > max) {
        problems.maxValue(name, max);
        return absent;
      }
      return (int) number;
    }

    String string(String name, int maxLength) {
      String value = single(name);
      if (value == null) {
        return null;
      }
      return length(name, value, maxLength) ? value : null;
    }

    Double number(String name, long max) {
      String value = single(name);
      if (value == null) {
        return null;
      }
      BigDecimal number;
      try {
        number = new BigDecimal(value);
      } catch (NumberFormatException e) {
        problems.numeric(name);
        return null;
      }
      if (number.signum() < 0) {
        problems.minValue(name, 0);
        return null;
      }
      if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
        problems.maxValue(name, max);
        return null;
      }
      return number.doubleValue();
    }

    List<String> tags() {
      String[] values = request.getParameterValues("tags");
      if (values == null) {
        return List.of();
      }
      if (values.length > 20) {
        problems.maxItems("tags", 20);
        return List.of();
      }
      LinkedHashSet<String> tags = new LinkedHashSet<>();
      for (int i = 0; i < values.length; i++) {
        if (length("tags." + i, values[i], 64)) {
          tags.add(values[i]);
        }
      }
      return new ArrayList<>(tags);
    }

    private boolean length(String name, String value, int maxLength) {
      if (value.indexOf('\u0000') >= 0) {
        problems.invalid(name);
        return false;
      }
      int length = value.codePointCount(0, value.length());
      if (length < 1) {
        problems.minLength(name, 1);
        return false;
      }
      if (length > maxLength) {
        problems.maxLength(name, maxLength);
        return false;
      }
      return true;
    }
  }
}
