package com.onautomate.opportunities.conformance.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which checks a run and {@code proxy} apply: {@code --checks} and {@code --exclude-checks}, declared once for both. */
final class CheckSelectionOptions {
  @Option(names = "--checks", split = ",", description = "Run only these checks.")
  List<String> only = new ArrayList<>();
  @Option(names = "--exclude-checks", split = ",", description = "Do not run these checks.")
  List<String> excluded = new ArrayList<>();
}
