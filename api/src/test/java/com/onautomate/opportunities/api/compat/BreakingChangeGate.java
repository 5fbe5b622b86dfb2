package com.onautomate.opportunities.api.compat;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Catches an incompatible change to the released contract: openapi-diff compares the working
 * contract with the released one, and an incompatible change passes only when the major version
 * of {@code info.version} rises. Compatible changes (added optional properties, operations or
 * responses, new descriptions) always pass, and are listed.
 */
final class BreakingChangeGate {

  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");

  /** What the gate decided, and the changes as openapi-diff lists them (Markdown; empty when unchanged). */
  record Verdict(boolean passes, String summary, String changes) {}

  private BreakingChangeGate() {}

  static Verdict judge(String releasedYaml, String workingYaml) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(releasedYaml, workingYaml);
    String released = version(diff.getOldSpecOpenApi());
    String working = version(diff.getNewSpecOpenApi());
    int releasedMajor = major(released);
    int workingMajor = major(working);
    String changes = diff.isUnchanged() ? "" : new MarkdownRender().render(diff);
    if (workingMajor < releasedMajor) {
      return new Verdict(false, "info.version went back from " + released + " to " + working + ".", changes);
    }
    if (diff.isUnchanged()) {
      return new Verdict(true, "No change to the API since the released contract " + released + ".", changes);
    }
    if (!diff.isIncompatible()) {
      return new Verdict(true, "Compatible changes since the released contract " + released + " (listed below).", changes);
    }
    if (workingMajor > releasedMajor) {
      return new Verdict(true, "Incompatible changes since " + released + ", released as the new major version "
          + working + " (listed below).", changes);
    }
    return new Verdict(false, "Incompatible changes to the released contract " + released + " (listed below). "
        + "Undo them, or release them as a new major version: info.version " + (releasedMajor + 1) + ".0.0 "
        + "(see CHANGELOG.md, \"Versions\").", changes);
  }

  private static String version(OpenAPI openApi) {
    if (openApi == null || openApi.getInfo() == null || openApi.getInfo().getVersion() == null) {
      throw new IllegalArgumentException("a contract without info.version cannot be compared");
    }
    return openApi.getInfo().getVersion();
  }

  private static int major(String version) {
    Matcher matcher = SEMVER.matcher(version);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("info.version must be MAJOR.MINOR.PATCH, not \"" + version + "\"");
    }
    return Integer.parseInt(matcher.group(1));
  }
}
