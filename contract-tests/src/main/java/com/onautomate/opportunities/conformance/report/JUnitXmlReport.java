package com.onautomate.opportunities.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * JUnit XML: one test suite per check, one test case per check × operation, failures with full detail; then a
 * {@code completeness} suite with one test case per selected check ("applied") and per operation that got valid
 * requests ("answered 2xx"): an error when the run is incomplete there, skipped with the reason when a check did not
 * need to apply.
 */
public final class JUnitXmlReport {
  private JUnitXmlReport() {
  }

  public static String render(RunResult r) {
    int tests = r.checks().size() * r.operations().size();
    int failures = 0;
    int skipped = 0;
    for (String c : r.checks()) {
      for (String op : r.operations()) {
        Tally t = r.tally(c, op);
        if (t.failed() > 0) {
          failures++;
        } else if (t.judged() == 0) {
          skipped++;
        }
      }
    }
    String completeness = completeness(r);
    int errors = r.neverApplied().size() + r.untested().size();
    tests += r.coverage().size() + r.untested().size();
    skipped += (int) r.coverage().stream().filter(c -> c.status() == Coverage.Status.NOT_APPLIED).count();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"conformance\" tests=\"").append(tests).append("\" failures=\"").append(failures)
        .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\">\n");
    for (String c : r.checks()) {
      int f = 0;
      int s = 0;
      for (String op : r.operations()) {
        Tally t = r.tally(c, op);
        f += t.failed() > 0 ? 1 : 0;
        s += t.judged() == 0 ? 1 : 0;
      }
      sb.append("  <testsuite name=\"").append(esc(c)).append("\" tests=\"").append(r.operations().size())
          .append("\" failures=\"").append(f).append("\" skipped=\"").append(s).append("\">\n");
      for (String op : r.operations()) {
        Tally t = r.tally(c, op);
        sb.append("    <testcase classname=\"").append(esc(c)).append("\" name=\"").append(esc(op)).append('"');
        List<Failure> mine = r.failures().stream().filter(x -> x.check().equals(c) && x.operation().equals(op))
            .toList();
        if (t.failed() > 0) {
          sb.append(">\n      <failure type=\"").append(esc(c)).append("\" message=\"")
              .append(esc(mine.isEmpty() ? "failed" : mine.get(0).title())).append("\">");
          StringBuilder detail = new StringBuilder();
          for (Failure x : mine) {
            detail.append(x.title()).append('\n')
                .append("Received: ").append(x.received()).append('\n')
                .append("Documented: ").append(x.documented()).append('\n')
                .append("Seen: ").append(x.occurrences()).append('\n')
                .append("Reproduce with:\n  ").append(x.curl()).append("\n");
            if (x.shrinking() != null) {
              detail.append(x.shrinking().summary()).append('\n');
              if (x.shrinking().changed()) {
                detail.append("As generated:\n  ").append(x.shrinking().generatedCurl()).append('\n');
              }
            }
            detail.append('\n');
          }
          sb.append(esc(detail.toString())).append("</failure>\n    </testcase>\n");
        } else if (t.judged() == 0) {
          sb.append(">\n      <skipped message=\"not applicable to any exchange\"/>\n    </testcase>\n");
        } else {
          sb.append("/>\n");
        }
      }
      sb.append("  </testsuite>\n");
    }
    sb.append(completeness);
    sb.append("</testsuites>\n");
    return sb.toString();
  }

  /** The completeness suite: did every selected check apply, did every operation answer 2xx. */
  private static String completeness(RunResult r) {
    StringBuilder cases = new StringBuilder();
    int skipped = 0;
    for (Coverage c : r.coverage()) {
      cases.append("    <testcase classname=\"completeness\" name=\"").append(esc(c.check() + " applied"))
          .append('"');
      switch (c.status()) {
        case NEVER_APPLIED -> cases.append(">\n      <error type=\"never_applied\" message=\"")
            .append(esc("never applied: " + c.reason())).append("\"/>\n    </testcase>\n");
        case NOT_APPLIED -> {
          skipped++;
          cases.append(">\n      <skipped message=\"").append(esc("not applied: " + c.reason()))
              .append("\"/>\n    </testcase>\n");
        }
        default -> cases.append("/>\n");
      }
    }
    for (String op : r.untested()) {
      cases.append("    <testcase classname=\"completeness\" name=\"")
          .append(esc(op.substring(0, Math.max(0, op.indexOf(": "))) + " answered 2xx"))
          .append("\">\n      <error type=\"untested_operation\" message=\"").append(esc(op))
          .append("\"/>\n    </testcase>\n");
    }
    return "  <testsuite name=\"completeness\" tests=\"" + (r.coverage().size() + r.untested().size())
        + "\" failures=\"0\" errors=\"" + (r.neverApplied().size() + r.untested().size()) + "\" skipped=\"" + skipped
        + "\">\n" + cases + "  </testsuite>\n";
  }

  public static void write(RunResult r, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(r), StandardCharsets.UTF_8);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append('?');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
