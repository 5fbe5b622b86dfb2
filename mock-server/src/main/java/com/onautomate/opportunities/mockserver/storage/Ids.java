package com.onautomate.opportunities.mockserver.storage;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * New ids, 20 characters like the vendor's: the creation time and a counter first (lower-case base
 * 36, so that ids made in the same millisecond sort in creation order under any collation), then
 * random characters.
 */
public final class Ids {

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Ids() {
  }

  /** Whether a path id could name anything: 1 to 64 characters, none of them a control character. */
  public static boolean plausible(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  public static String newId(long nowMillis) {
    char[] id = new char[20];
    put(id, 0, 9, nowMillis);
    put(id, 9, 3, Math.floorMod(COUNTER.getAndIncrement(), 36 * 36 * 36));
    // One draw for the eight random characters (36^8 < 2^42): SecureRandom is one lock per call.
    put(id, 12, 8, RANDOM.nextLong() >>> 22);
    return new String(id);
  }

  private static void put(char[] id, int from, int width, long value) {
    for (int i = from + width - 1; i >= from; i--) {
      id[i] = ALPHABET[(int) (value % 36)];
      value /= 36;
    }
  }
}
