package com.onautomate.opportunities.mockserver.storage;

import java.util.Locale;

/**
 * The case-insensitive form of a text: what the {@code *_lower} and {@code email_key} columns hold
 * and what the list filters are matched with, made by this one rule on both sides. In
 * {@link Locale#ROOT}, never the JVM's default: in Turkish {@code "INC".toLowerCase()} is
 * {@code "ınc"} (a dotless ı), which no filter typed as {@code inc} would find.
 */
public final class SearchKeys {

  private SearchKeys() {
  }

  /** The text lower-cased in {@link Locale#ROOT}; {@code null} stays {@code null}. */
  public static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }
}
