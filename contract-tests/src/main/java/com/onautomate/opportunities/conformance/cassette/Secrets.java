package com.onautomate.opportunities.conformance.cassette;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cassette leaves out unless told to keep it: the value of every {@code Authorization} header, written as
 * {@value #MASK} (Schemathesis's word for a sanitized value).
 */
public final class Secrets {
  /** The masked value. */
  public static final String MASK = "[Filtered]";

  private Secrets() {
  }

  public static boolean isSecret(String header) {
    return header.equalsIgnoreCase("Authorization") || header.equalsIgnoreCase("Proxy-Authorization");
  }

  /** The headers with each secret value masked, or as they are when {@code keep}. */
  public static Map<String, String> mask(Map<String, String> headers, boolean keep) {
    if (keep) {
      return headers;
    }
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((name, value) -> out.put(name, isSecret(name) ? MASK : value));
    return out;
  }

  /** A command line with the values of {@code --token} and {@code --other-token} masked, unless {@code keep}. */
  public static String command(String program, List<String> args, boolean keep) {
    StringBuilder sb = new StringBuilder(program);
    boolean maskNext = false;
    for (String a : args) {
      String shown = a;
      if (!keep && maskNext) {
        shown = MASK;
      } else if (!keep && (a.startsWith("--token=") || a.startsWith("--other-token="))) {
        shown = a.substring(0, a.indexOf('=') + 1) + MASK;
      }
      maskNext = a.equals("--token") || a.equals("--other-token");
      sb.append(' ').append(shown);
    }
    return sb.toString();
  }
}
