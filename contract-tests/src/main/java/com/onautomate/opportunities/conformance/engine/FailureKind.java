package com.onautomate.opportunities.conformance.engine;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The kind of a failure: its messages without their values, so that failures with one cause are grouped however many
 * bodies, ids and numbers they name.
 *
 * <pre>{@code FailureKind.ofReceived("500 {\"msg\":\"boom\"}")   // "500 {…}"
 * FailureKind.ofDocumented("type integer (at /opportunities/3/monetaryValue)") // "type integer (at /opportunities/#/monetaryValue)"}</pre>
 */
final class FailureKind {
  private FailureKind() {
  }

  /**
   * What the server did, without the values it sent: the leading HTTP status is kept, JSON bodies, quoted strings and
   * every word with a digit in it (ids, emails, numbers, times) are masked.
   */
  static String ofReceived(String received) {
    String status = received.matches("\\d{3}( .*)?") ? received.substring(0, 3) : "";
    return status + mask(received.substring(status.length()), true);
  }

  /**
   * What the contract says, without the numbers in it (indexes in JSON pointers, counts); repeated parts (one schema
   * message per list item) count once.
   */
  static String ofDocumented(String documented) {
    Set<String> parts = new LinkedHashSet<>();
    for (String part : documented.split("; ", -1)) {
      parts.add(mask(part, false));
    }
    return String.join("; ", parts);
  }

  private static String mask(String text, boolean values) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (values && (c == '{' || c == '[')) {
        i = skipBlock(text, i);
        out.append(c == '{' ? "{…}" : "[…]");
      } else if (values && c == '"') {
        int end = text.indexOf('"', i + 1);
        i = end < 0 ? text.length() : end + 1;
        out.append("\"…\"");
      } else if (Character.isDigit(c) || (values && Character.isLetterOrDigit(c) && wordHasDigit(text, i))) {
        i = values ? skipWord(text, i) : skipNumber(text, i);
        out.append('#');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index after the block opened at {@code start}, brackets and strings balanced (or the end of the text). */
  private static int skipBlock(String text, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return text.length();
  }

  private static boolean isWordChar(char c) {
    return !Character.isWhitespace(c) && ",;()[]{}\"".indexOf(c) < 0;
  }

  private static boolean wordHasDigit(String text, int start) {
    for (int i = start; i < text.length() && isWordChar(text.charAt(i)); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int skipWord(String text, int start) {
    int i = start;
    while (i < text.length() && isWordChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipNumber(String text, int start) {
    int i = start;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    return i;
  }
}
