package com.onautomate.opportunities.conformance.cassette;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.ExchangeListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes every exchange a run or the proxy records to a cassette. VCR YAML is written as it goes, one whole interaction
 * at a time and flushed, so that a run that ends early (a server that stops answering, Ctrl-C, a crash) leaves a
 * cassette that parses, with every exchange up to then; HAR is one JSON document, written on {@link #close()} (which
 * the CLI calls however the run ends).
 *
 * <pre>{@code try (CassetteWriter cassette = CassetteWriter.open(path, CassetteFormat.VCR, false, command, seed, url)) {
 *   new ConformanceRun(...).listening(cassette).run();
 * }}</pre>
 */
public final class CassetteWriter implements ExchangeListener, AutoCloseable {
  private final Path file;
  private final CassetteFormat format;
  private final boolean keepSecrets;
  private final String baseUrl;
  private final String command;
  private final Long seed;
  private final BufferedWriter out;
  private final List<ObjectNode> harEntries = new ArrayList<>();
  private int written;
  private Exception failure;
  private boolean closed;

  private CassetteWriter(Path file, CassetteFormat format, boolean keepSecrets, String command, Long seed,
                         String baseUrl) throws IOException {
    this.file = file;
    this.format = format;
    this.keepSecrets = keepSecrets;
    this.command = command;
    this.seed = seed;
    this.baseUrl = baseUrl;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    if (format == CassetteFormat.VCR) {
      out.write(VcrFormat.YAML.writeValueAsString(VcrFormat.header(command, recordedWith(), seed, baseUrl)));
      out.flush();
    }
  }

  /**
   * Opens (creates or truncates) a cassette file.
   *
   * @param command the command line that made it, secrets already masked
   * @param seed the run's seed, or null (the proxy)
   * @param baseUrl the server the requests go to; the cassette's URLs are on it
   * @throws IllegalArgumentException when the file cannot be written (one line)
   */
  public static CassetteWriter open(Path file, CassetteFormat format, boolean keepSecrets, String command, Long seed,
                                    String baseUrl) {
    try {
      return new CassetteWriter(file, format, keepSecrets, command, seed, baseUrl);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the cassette " + file + ": " + e.getMessage(), e);
    }
  }

  /** The tool and version that wrote a cassette. */
  static String recordedWith() {
    String version = CassetteWriter.class.getPackage().getImplementationVersion();
    return "OnAutomate conformance " + (version == null ? "(development build)" : version);
  }

  @Override
  public synchronized void recorded(Exchange exchange, Map<String, CheckResult> verdicts) {
    if (closed || failure != null) {
      return;
    }
    List<Verdict> list = new ArrayList<>(verdicts.size());
    verdicts.forEach((name, result) -> list.add(Verdict.of(name, result)));
    Interaction interaction = Interaction.of(written + 1, exchange, list);
    try {
      if (format == CassetteFormat.HAR) {
        harEntries.add(HarFormat.entry(interaction, baseUrl, keepSecrets));
      } else {
        String item = VcrFormat.YAML.writeValueAsString(List.of(VcrFormat.write(interaction, baseUrl, keepSecrets)));
        if (written == 0) {
          out.write("http_interactions:\n");
        }
        out.write(item);
        out.flush();
      }
      written++;
    } catch (IOException e) {
      failure = e; // reported on close; the run goes on
    }
  }

  /** How many exchanges the cassette holds. */
  public synchronized int written() {
    return written;
  }

  public Path file() {
    return file;
  }

  /**
   * Finishes the cassette: an empty list when nothing was recorded, the HAR document.
   *
   * @throws IllegalArgumentException when a write failed (one line)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      if (failure == null) {
        if (format == CassetteFormat.HAR) {
          out.write(HarFormat.JSON.writerWithDefaultPrettyPrinter()
              .writeValueAsString(HarFormat.log(command, recordedWith(), seed, baseUrl, harEntries)));
          out.write('\n');
        } else if (written == 0) {
          out.write("http_interactions: []\n");
        }
      }
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw new IllegalArgumentException("cannot write the cassette " + file + ": " + failure.getMessage(), failure);
    }
  }
}
