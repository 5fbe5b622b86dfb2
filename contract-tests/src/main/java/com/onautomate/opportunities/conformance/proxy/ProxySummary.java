package com.onautomate.opportunities.conformance.proxy;

import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import java.util.Map;

/** What the proxy saw, for the terminal at exit: the counts, the requests it did not judge, then the suite's report. */
public final class ProxySummary {
  private ProxySummary() {
  }

  public static String render(ValidatingProxy proxy, RunResult result) {
    StringBuilder sb = new StringBuilder();
    int outside = proxy.outsideContract().values().stream().mapToInt(Integer::intValue).sum();
    int unreachable = proxy.unreachable().values().stream().mapToInt(Integer::intValue).sum();
    sb.append("Proxy summary: ").append(proxy.forwarded()).append(" requests to ").append(proxy.upstream())
        .append(": ").append(result.totalRequests()).append(" judged, ").append(outside)
        .append(" outside the contract, ").append(unreachable).append(" without an upstream answer (502)\n\n");
    lines(sb, "Outside the contract (forwarded, not judged)", proxy.outsideContract());
    lines(sb, "The upstream could not be reached", proxy.unreachable());
    sb.append(TextReport.render(result));
    return sb.toString();
  }

  private static void lines(StringBuilder sb, String title, Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return;
    }
    sb.append(title).append(":\n");
    counts.forEach((what, n) -> sb.append("  ").append(what).append(n == 1 ? "" : " ×" + n).append('\n'));
    sb.append('\n');
  }
}
