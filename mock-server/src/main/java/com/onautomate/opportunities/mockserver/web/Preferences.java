package com.onautomate.opportunities.mockserver.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The preferences of a request's {@code Prefer} headers (RFC 7240): {@code Prefer: code=429,
 * example=tooManyRequests}. Names are case-insensitive; a value may be a token or a quoted string;
 * parameters after {@code ;} are ignored; when a name comes twice the first one counts, as the RFC
 * says. Several {@code Prefer} headers are read as one list. Nothing here decides what a preference
 * means: the features that honour one read it by name and ignore the rest.
 */
public final class Preferences {

  /** The request header. */
  public static final String PREFER = "Prefer";
  /** The response header naming the preferences that were honoured (RFC 7240, section 3). */
  public static final String PREFERENCE_APPLIED = "Preference-Applied";

  private static final Preferences NONE = new Preferences(Map.of());

  private final Map<String, String> values;

  private Preferences(Map<String, String> values) {
    this.values = values;
  }

  /** No preferences: what a request gets when the server ignores {@code Prefer}. */
  public static Preferences none() {
    return NONE;
  }

  /** The request's preferences; none when it has no {@code Prefer} header. */
  public static Preferences of(HttpServletRequest request) {
    Enumeration<String> headers = request.getHeaders(PREFER);
    if (headers == null || !headers.hasMoreElements()) {
      return NONE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String header : Collections.list(headers)) {
      parse(header, values);
    }
    return values.isEmpty() ? NONE : new Preferences(values);
  }

  /** Parses one header value; public for tests of the grammar. */
  public static Preferences parse(String header) {
    Map<String, String> values = new LinkedHashMap<>();
    parse(header, values);
    return new Preferences(values);
  }

  /** The value of a preference, {@code ""} for one given without a value ({@code Prefer: respond-async}). */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  private static void parse(String header, Map<String, String> into) {
    int i = 0;
    int n = header.length();
    while (i < n) {
      int end = elementEnd(header, i);
      String element = header.substring(i, end);
      int semicolon = outsideQuotes(element, ';');
      String preference = semicolon < 0 ? element : element.substring(0, semicolon);
      int equals = preference.indexOf('=');
      String name = (equals < 0 ? preference : preference.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
      String value = equals < 0 ? "" : unquote(preference.substring(equals + 1).strip());
      if (!name.isEmpty()) {
        into.putIfAbsent(name, value);
      }
      i = end + 1;
    }
  }

  /** Where the comma-separated element starting at {@code from} ends (a comma in quotes does not end it). */
  private static int elementEnd(String header, int from) {
    int at = outsideQuotes(header.substring(from), ',');
    return at < 0 ? header.length() : from + at;
  }

  private static int outsideQuotes(String text, char wanted) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == wanted && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
