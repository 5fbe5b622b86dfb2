package com.onautomate.opportunities.conformance.generation;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique contact identities (emails, phones, markers) so that fixtures never collide with existing contacts,
 * even across runs against the same server. Only these carry a per-run tag; everything else follows the seed.
 */
public final class Identities {
  private final String tag;
  private final AtomicLong counter = new AtomicLong();

  public Identities() {
    this(randomTag());
  }

  public Identities(String tag) {
    this.tag = tag;
  }

  private static String randomTag() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  public String tag() {
    return tag;
  }

  public String email() {
    return "ct-" + tag + "-" + counter.incrementAndGet() + "@example.com";
  }

  /** An email of exactly {@code length} characters (64-character local part at most, DNS labels of 63 at most). */
  public String email(int length) {
    String local = "ct-" + tag + "-" + counter.incrementAndGet();
    int labels = length - local.length() - 1 - ".com".length();
    StringBuilder domain = new StringBuilder();
    while (labels > 0) {
      if (labels <= 63) {
        domain.append("d".repeat(labels));
        labels = 0;
      } else {
        int label = Math.min(63, labels - 2);
        domain.append("d".repeat(label)).append('.');
        labels -= label + 1;
      }
    }
    return local + "@" + domain + ".com";
  }

  public String phone() {
    return "+1555" + tagDigits() + String.format("%06d", counter.incrementAndGet());
  }

  /** A phone of exactly {@code length} characters. */
  public String phone(int length) {
    String p = phone();
    return p + "0".repeat(Math.max(0, length - p.length()));
  }

  /** A word that no existing data contains, for filters. */
  public String marker() {
    return "mk" + tag + counter.incrementAndGet();
  }

  /** Ten digits of the tag: runs against one server share a phone only once in about four billion tags. */
  private String tagDigits() {
    return String.format(Locale.ROOT, "%010d", Math.floorMod((long) tag.hashCode(), 10_000_000_000L));
  }
}
