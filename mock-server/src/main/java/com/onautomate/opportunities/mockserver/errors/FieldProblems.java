package com.onautomate.opportunities.mockserver.errors;

import com.onautomate.opportunities.server.model.FieldError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 422 field map being built: one entry per field, in the vendor's wording
 * ("The title field is mandatory.", rule {@code required}). The first problem of a field wins.
 */
public final class FieldProblems {

  /** The key the vendor uses when no contact was identified. */
  public static final String CONTACT_KEY = "contactId or email";

  private final Map<String, FieldError> byField = new LinkedHashMap<>();

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public Map<String, FieldError> asMap() {
    return Collections.unmodifiableMap(byField);
  }

  public void addAll(FieldProblems other) {
    other.byField.forEach(byField::putIfAbsent);
  }

  /** Throws the 422 when any problem was found. */
  public void throwIfAny() {
    if (!byField.isEmpty()) {
      throw new ValidationException(this);
    }
  }

  public FieldProblems required(String field) {
    return add(field, "required", "The " + label(field) + " field is mandatory.");
  }

  public FieldProblems invalid(String field) {
    return add(field, "invalid", "The " + label(field) + " field is invalid.");
  }

  public FieldProblems string(String field) {
    return add(field, "string", "The " + label(field) + " must be a string.");
  }

  public FieldProblems numeric(String field) {
    return add(field, "numeric", "The " + label(field) + " must be a number.");
  }

  public FieldProblems integer(String field) {
    return add(field, "integer", "The " + label(field) + " must be an integer.");
  }

  public FieldProblems array(String field) {
    return add(field, "array", "The " + label(field) + " must be an array.");
  }

  public FieldProblems email(String field) {
    return add(field, "email", "The " + label(field) + " must be a valid email address.");
  }

  public FieldProblems minLength(String field, int min) {
    return add(field, "min", "The " + label(field) + " must be at least " + min + " characters.");
  }

  public FieldProblems maxLength(String field, int max) {
    return add(field, "max", "The " + label(field) + " may not be greater than " + max + " characters.");
  }

  public FieldProblems minValue(String field, long min) {
    return add(field, "min", "The " + label(field) + " must be at least " + min + ".");
  }

  public FieldProblems maxValue(String field, long max) {
    return add(field, "max", "The " + label(field) + " may not be greater than " + max + ".");
  }

  public FieldProblems minItems(String field, int min) {
    return add(field, "min", "The " + label(field) + " must have at least " + min + " items.");
  }

  public FieldProblems maxItems(String field, int max) {
    return add(field, "max", "The " + label(field) + " may not have more than " + max + " items.");
  }

  private FieldProblems add(String field, String rule, String message) {
    byField.putIfAbsent(field, new FieldError(message, rule));
    return this;
  }

  /** {@code stageId} → "stage id", {@code companyName} → "company name"; keys with spaces or dots stay. */
  static String label(String field) {
    if (field.indexOf(' ') >= 0 || field.indexOf('.') >= 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length() + 4);
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append(' ').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
