package com.onautomate.opportunities.conformance.cli;

import com.onautomate.opportunities.conformance.cassette.CassetteFormat;
import com.onautomate.opportunities.conformance.cassette.CassetteWriter;
import com.onautomate.opportunities.conformance.cassette.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The cassette options the main command and {@code proxy} share. */
public final class CassetteOptions {
  @Option(names = "--cassette-path", description = "Write every exchange (request, response, time, the checks' verdicts)"
      + " to this cassette file.")
  Path path;
  @Option(names = "--cassette-format", description = "vcr (default: Schemathesis's VCR YAML layout) or har (HAR 1.2).")
  String format;
  @Option(names = "--cassette-keep-secrets", description = "Keep Authorization values in the cassette (default: "
      + "written as [Filtered]).")
  boolean keepSecrets;

  /**
   * The cassette to write, or null when none was asked for.
   *
   * @throws IllegalArgumentException on a bad format or a file that cannot be written (one line)
   */
  CassetteWriter open(String program, List<String> args, Long seed, String baseUrl) {
    if (path == null) {
      if (format != null || keepSecrets) {
        throw new IllegalArgumentException("--cassette-format and --cassette-keep-secrets need --cassette-path");
      }
      return null;
    }
    CassetteFormat f;
    try {
      f = format == null ? CassetteFormat.VCR : CassetteFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cassette-format must be vcr or har, got '" + format + "'", e);
    }
    return CassetteWriter.open(path, f, keepSecrets,
        Secrets.command(program, args, keepSecrets), seed, baseUrl);
  }
}
