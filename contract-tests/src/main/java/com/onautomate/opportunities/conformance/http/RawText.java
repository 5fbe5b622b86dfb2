package com.onautomate.opportunities.conformance.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes as the text a {@link Request} body holds: UTF-8, each byte that is not part of valid UTF-8 as the character
 * {@link Request#rawBytes} stands for it, so that {@link Request#bodyBytes()} gives the very same bytes back (a body
 * read by the proxy or from a cassette is sent on byte for byte).
 */
public final class RawText {
  private RawText() {
  }

  public static String decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1); // UTF-8 never decodes to more chars than bytes
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          out.put((char) (0xDC00 + (in.get() & 0xFF)));
        }
      } else {
        decoder.flush(out);
        break;
      }
    }
    out.flip();
    return out.toString();
  }

  /** Whether the text holds only characters, no raw bytes (it is valid UTF-8 as sent). */
  public static boolean isUtf8(String text) {
    return text.chars().noneMatch(c -> c >= 0xDC80 && c <= 0xDCFF);
  }
}
