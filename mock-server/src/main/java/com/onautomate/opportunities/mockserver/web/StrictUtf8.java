package com.onautomate.opportunities.mockserver.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as the contract means it: the JDK's decoder with every error reported, so overlong forms
 * ({@code C0 AF} for {@code /}), encoded surrogates ({@code ED A0 80}), code points past U+10FFFF
 * and truncated sequences are refused, never replaced or decoded leniently (Jackson and Tomcat's
 * parameter parsing would otherwise store {@code /}, a lone surrogate or {@code ?}). Text decoded
 * from JSON can still hold a lone surrogate written as an escape ({@code "\ud800"}): that is
 * refused too, since no UTF-8 text, and no database column, can hold it.
 */
public final class StrictUtf8 {

  private StrictUtf8() {
  }

  /** Valid UTF-8 without a NUL byte (JSON never has one outside an escape; UTF-16 and -32 do). */
  public static boolean isJsonText(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && bytes[i] > 0) {
      i++;
    }
    if (i == bytes.length) {
      return true; // ASCII: the usual case, decided without a decoder
    }
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    return decodes(ByteBuffer.wrap(bytes));
  }

  /**
   * A raw URI part (path or query, as sent) whose {@code %XX} escapes decode to valid UTF-8; a
   * broken escape ({@code %zz}, a lone {@code %}) is invalid too.
   */
  public static boolean isPercentEncodedUtf8(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return true;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return false;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return false;
        }
        bytes.put((byte) (high << 4 | low));
        i += 2;
      } else if (c > 0x7F) {
        return false; // Tomcat refuses raw bytes outside ASCII before this; refused here all the same
      } else {
        bytes.put((byte) c);
      }
    }
    return decodes(bytes.flip());
  }

  /** A surrogate that is not half of a pair: text that no UTF-8 can encode. */
  public static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean decodes(ByteBuffer bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
