package com.onautomate.opportunities.mockserver.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Field checks on a JSON object, with the contract's rules; a {@code null} answer means "no usable value". */
public final class JsonFields {

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private final JsonNode body;
  private final FieldProblems problems;

  public JsonFields(JsonNode body, FieldProblems problems) {
    this.body = body;
    this.problems = problems;
  }

  public FieldProblems problems() {
    return problems;
  }

  /** A string that must be there and not empty. */
  public String requiredString(String field, int maxLength) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      problems.required(field);
      return null;
    }
    if (!node.isTextual()) {
      problems.string(field);
      return null;
    }
    String value = node.textValue();
    if (value.isBlank()) {
      problems.required(field);
      return null;
    }
    return checkLength(field, value, 1, maxLength);
  }

  /** A string that may be left out ({@code null} counts as left out). */
  public String optionalString(String field, int minLength, int maxLength) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.string(field);
      return null;
    }
    return checkLength(field, node.textValue(), minLength, maxLength);
  }

  public String optionalEmail(String field, int maxLength) {
    String value = optionalString(field, 0, maxLength);
    if (value == null) {
      return null;
    }
    if (!isEmail(value)) {
      problems.email(field);
      return null;
    }
    return value;
  }

  public static boolean isEmail(String value) {
    int at = value.indexOf('@');
    return at > 0 && at <= 64 && EMAIL.matcher(value).matches();
  }

  /** A number between min and max; JSON strings are not numbers. */
  public Double optionalNumber(String field, long min, long max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      problems.numeric(field);
      return null;
    }
    double value = node.doubleValue();
    if (value < min) {
      problems.minValue(field, min);
      return null;
    }
    if (!(value <= max)) {
      problems.maxValue(field, max);
      return null;
    }
    return value == 0.0 ? 0.0 : value;
  }

  /** An array of strings; items are keyed {@code field.index}. Repeats are dropped, order kept. */
  public List<String> optionalStringArray(String field, int maxItems, int itemMaxLength) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.array(field);
      return null;
    }
    if (node.size() > maxItems) {
      problems.maxItems(field, maxItems);
      return null;
    }
    LinkedHashSet<String> values = new LinkedHashSet<>();
    boolean ok = true;
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String key = field + "." + i;
      if (item == null || !item.isTextual()) {
        problems.string(key);
        ok = false;
        continue;
      }
      String value = checkLength(key, item.textValue(), 1, itemMaxLength);
      if (value == null) {
        ok = false;
      } else {
        values.add(value);
      }
    }
    return ok ? new ArrayList<>(values) : null;
  }

  private String checkLength(String field, String value, int min, int max) {
    if (value.indexOf('\u0000') >= 0) {
      // No database stores it (PostgreSQL refuses it), and no client means it.
      problems.invalid(field);
      return null;
    }
    int length = value.codePointCount(0, value.length());
    if (length < min) {
      problems.minLength(field, min);
      return null;
    }
    if (length > max) {
      problems.maxLength(field, max);
      return null;
    }
    return value;
  }
}
