package com.onautomate.opportunities.mockserver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.stream.Stream;

/**
 * Runs {@code java -jar mock-server.jar} (and {@code conformance.jar}, which bundles this module) in
 * a second JVM that starts in about half the time and uses a fraction of the memory: the jar
 * extracted once (classes load from plain jars, not nested ones), an application class-data-sharing
 * archive (classes arrive parsed and verified), and the JVM options the application wants (its
 * {@link Profile}: for the mock server {@code -XX:+UseG1GC -XX:GCTimeRatio=4 -Xms64m -Xmx1g
 * -XX:MaxNewSize=32m} and Spring's ahead-of-time context {@code -Dspring.aot.enabled=true}) unless
 * the command gave its own. A jar's manifest cannot carry JVM options; this is how Elasticsearch's
 * and Gradle's launchers get theirs.
 *
 * <p>The extracted jar and the archive live in {@code <jar's directory>/<name>-faststart/<key>}
 * (or under {@code java.io.tmpdir} when that directory is read-only), keyed by the jar's size and
 * time and the JVM's version, so a rebuilt jar or another JDK gets its own. The build prepares them
 * ({@code -D<prefix>.prepare-fast-start=true}: extract, one training start — for the mock server
 * {@link FastStartTraining} sends every operation — that writes the archive at its exit); a jar
 * copied elsewhere extracts on its first start and writes the archive when that first run ends.
 *
 * <p>It steps aside, and the application runs in the launching JVM as before, when
 * {@code -D<prefix>.fast-start=false} is given, when the JVM runs a debugger or a Java agent or
 * chose its own class-data-sharing options, when not started from the runnable jar (IDE, tests,
 * {@code spring-boot:run}), and when anything it needs fails (one line on stderr says why). The
 * parent only waits: it forwards its end to the child (SIGTERM, Ctrl-C) and exits with the child's
 * status; the child stops on its own if the parent dies without a word.
 */
public final class FastStart {

  /**
   * What differs between the runnable jars that start this way (the mock server, the conformance
   * CLI): the name used in messages, system properties ({@code <prefix>.fast-start},
   * {@code <prefix>.prepare-fast-start}) and the cache directory ({@code <name>-faststart}); the JVM
   * options it adds, each unless the command gave one matching its pattern; options only the child
   * gets; and what the training start (the build's) adds to the child's options and arguments.
   */
  public record Profile(String name, String propertyPrefix, List<DefaultOption> defaults, List<String> childOptions,
                        List<String> trainingOptions, List<String> trainingArguments) {
  }

  /** JVM options added unless the command has one matching {@code replacedBy} (a regular expression). */
  public record DefaultOption(List<String> options, String replacedBy) {
  }

  /** The mock server's: a small heap, the G1 collector, Spring's AOT context, a training start. */
  static final Profile MOCK_SERVER = new Profile("mock-server", "onautomate.mock",
      // G1, not the serial collector: a mock server's heap holds everything it stores (~2.8 KB per
      // created opportunity in H2's memory), and the serial collector compacts all of it in one pause
      // whenever the old generation fills: 0.2-0.45 s with 30,000-80,000 stored, enough to put a
      // GET's p99 at 60-110 times its usual beside 250 slow connections, whose buffers (~52 KB each)
      // fill it at once (issue 18). G1 collects the old generation concurrently. GCTimeRatio=4 lets
      // it spend up to a fifth of its time collecting before it grows the heap (its default, 12,
      // grew the resident set after 20 s of creates to ~480 MB against the serial collector's 265 MB;
      // with 4: ~330 MB). Measured in bench/FINDINGS.md, "Slow clients".
      List.of(new DefaultOption(List.of("-XX:+UseG1GC", "-XX:GCTimeRatio=4"), "-XX:[+]Use\\w+GC|-XX:GCTimeRatio.*"),
          // A heap that starts small and grows when it must: with the JVM's defaults (initial heap 1/64
          // of the machine's memory, maximum 1/4) a mock server on a large machine holds hundreds of MiB.
          // The young generation stays at 32 MiB at most (a third of the heap otherwise): the server's
          // garbage is short-lived, and every page of eden is resident once a few collections ran.
          new DefaultOption(List.of("-Xms64m", "-Xmx1g", "-XX:MaxNewSize=32m"),
              "-Xm[sxn].*|-XX:(Max|Initial)(HeapSize|RAM).*|-XX:(Max)?NewSize.*|-XX:NewRatio.*"),
          // Memory the JIT compilers freed goes back to the system every 2 s (glibc keeps it otherwise):
          // 20 MiB less resident under load (bench/FINDINGS.md). Only where the JVM has the option.
          new DefaultOption(trimsNativeHeap() ? List.of("-XX:TrimNativeHeapInterval=2000") : List.of(),
              "-XX:TrimNativeHeapInterval.*"),
          // A method goes to the optimising compiler (C2) after ten times the JVM's default count of
          // calls and loops. With the defaults C2 spent ~2 s of a 3.4 s start compiling code that runs
          // only at start, on the cores the start needs; under load its queue then held thousands of
          // lukewarm methods before the hot ones. Measured (bench/FINDINGS.md): start 0.5 s shorter,
          // the same requests/s once warm, reached no later.
          new DefaultOption(List.of("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4CompileThreshold=150000",
              "-XX:Tier4BackEdgeThreshold=400000"),
              "-XX:(Tier4\\w*Threshold|CompileThresholdScaling|TieredStopAtLevel|[+-]TieredCompilation).*")),
      // The application context the build pre-computed (spring-boot-maven-plugin process-aot): no
      // configuration-class parsing, condition evaluation or CGLIB proxies at start.
      List.of("-Dspring.aot.enabled=true"),
      List.of("-D" + FastStartTraining.ENABLED + "=true"),
      List.of("--server.port=0"));

  private static final String ARCHIVE = "app.jsa";

  /** Whether this JVM has {@code -XX:TrimNativeHeapInterval}: JDK 17.0.9, 21.0.1, 22 and later. */
  static boolean trimsNativeHeap() {
    Runtime.Version version = Runtime.version();
    int feature = version.feature();
    int update = version.update();
    return feature >= 22 || (feature == 21 && update >= 1) || (feature == 17 && update >= 9);
  }

  /** JVM options that make a separate JVM unsafe or pointless: it would bind the same debugger port. */
  private static final List<String> STEP_ASIDE_FOR = List.of(
      "-agentlib:", "-agentpath:", "-javaagent:", "-Xdebug", "-Xrunjdwp",
      "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-Xshare", "-XX:DumpLoadedClassList");

  private FastStart() {
  }

  /**
   * Runs the application in a child JVM when it can, and returns the child's exit status; empty
   * when the caller should go on in this JVM (in the child itself too).
   */
  public static OptionalInt run(Profile profile, String[] args) {
    if (Boolean.getBoolean(profile.propertyPrefix() + ".fast-start-child")) {
      stopWithParent(profile);
      return OptionalInt.empty();
    }
    boolean prepare = Boolean.getBoolean(profile.propertyPrefix() + ".prepare-fast-start");
    if (!prepare && !Boolean.parseBoolean(System.getProperty(profile.propertyPrefix() + ".fast-start", "true"))) {
      return OptionalInt.empty();
    }
    // No streams or lambdas on the way to the child: each costs the launching JVM class loading.
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Path jar = runnableJar();
    String reason = jar == null ? "not started as java -jar " + profile.name() + ".jar" : null;
    for (int i = 0; reason == null && i < jvmOptions.size(); i++) {
      if (stepsAsideFor(jvmOptions.get(i))) {
        reason = "the JVM was started with " + jvmOptions.get(i);
      }
    }
    if (reason != null) {
      return prepare ? fail(profile, reason) : OptionalInt.empty();
    }
    try {
      Path home = home(profile, jar);
      Path app = extracted(jar, home);
      int status = runChild(profile, home, app, jvmOptions, args, prepare);
      if (prepare && !Files.isRegularFile(home.resolve(ARCHIVE))) {
        return fail(profile, "the training start ended with status " + status + " and wrote no archive");
      }
      return OptionalInt.of(prepare ? 0 : status);
    } catch (IOException | RuntimeException e) {
      if (prepare) {
        return fail(profile, e.toString());
      }
      System.err.println(profile.name() + ": fast start unavailable (" + e + "); starting in this JVM");
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(130);
    }
  }

  private static OptionalInt fail(Profile profile, String reason) {
    System.err.println(profile.name() + ": cannot prepare the fast start: " + reason);
    return OptionalInt.of(1);
  }

  private static boolean stepsAsideFor(String jvmOption) {
    for (String prefix : STEP_ASIDE_FOR) {
      if (jvmOption.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The runnable jar this JVM was started from with {@code java -jar}, or null. */
  private static Path runnableJar() {
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
      return null;
    }
    // The JDK has the jar open already (it loaded Spring Boot's launcher from it): no second read.
    return ClassLoader.getSystemClassLoader().getResource("BOOT-INF/classes/") == null
        ? null : Path.of(classPath).toAbsolutePath();
  }

  /** This jar's and this JVM's directory in the cache, created; older keys beside it are removed. */
  private static Path home(Profile profile, Path jar) throws IOException {
    String key = key(jar);
    String cacheDir = profile.name() + "-faststart";
    IOException failure = null;
    for (Path base : List.of(jar.getParent().resolve(cacheDir),
        Path.of(System.getProperty("java.io.tmpdir"), "onautomate-" + cacheDir + "-" + user()))) {
      try {
        Path home = Files.createDirectories(base.resolve(key));
        // Not Files.createTempFile: its random name would load the security providers first.
        Path probe = home.resolve("write-test." + ProcessHandle.current().pid());
        Files.deleteIfExists(probe);
        Files.delete(Files.createFile(probe));
        removeOtherKeys(base, key);
        return home;
      } catch (IOException e) {
        failure = e;
      }
    }
    throw failure;
  }

  private static String key(Path jar) throws IOException {
    String identity = jar.getFileName() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
        + "|" + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
    // Two 32-bit hashes, not a MessageDigest: that would load the security providers first.
    CRC32 crc = new CRC32();
    crc.update(identity.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(identity.hashCode());
  }

  private static String user() {
    return System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static void removeOtherKeys(Path base, String key) {
    try (DirectoryStream<Path> keys = Files.newDirectoryStream(base)) {
      for (Path dir : keys) {
        if (!dir.getFileName().toString().equals(key)) {
          deleteQuietly(dir);
        }
      }
    } catch (IOException e) {
      // another process may be doing the same; what is left is removed next time
    }
  }

  /** The extracted application jar: Spring Boot's own {@code -Djarmode=tools extract}, once. */
  private static Path extracted(Path jar, Path home) throws IOException, InterruptedException {
    Path app = home.resolve("app").resolve(jar.getFileName());
    if (Files.isRegularFile(app)) {
      return app;
    }
    Path staging = Files.createTempDirectory(home, "extracting");
    try {
      Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(),
          "extract", "--destination", staging.toString(), "--force")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
        extract.destroyForcibly();
        throw new IOException("extracting " + jar + " failed");
      }
      try {
        Files.move(staging, home.resolve("app"), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isRegularFile(app)) { // not another launcher that won the race
          throw e;
        }
      }
      return app;
    } finally {
      deleteQuietly(staging);
    }
  }

  private static int runChild(Profile profile, Path home, Path app, List<String> jvmOptions, String[] args,
                              boolean prepare) throws IOException, InterruptedException {
    Path archive = home.resolve(ARCHIVE);
    Path pending = home.resolve(ARCHIVE + "." + ProcessHandle.current().pid() + ".tmp");
    boolean archived = Files.isRegularFile(archive) && !prepare;
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    for (DefaultOption option : profile.defaults()) {
      boolean replaced = false;
      for (String given : jvmOptions) {
        replaced |= given.matches(option.replacedBy());
      }
      if (!replaced) {
        command.addAll(option.options());
      }
    }
    command.add(archived ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + pending);
    // An archive that no longer fits (another JDK build) is ignored; the JVM says nothing about it.
    command.add("-Xlog:cds=off");
    command.add("-Xlog:cds+dynamic=off");
    command.add("-D" + profile.propertyPrefix() + ".fast-start-child=true");
    command.addAll(profile.childOptions());
    if (prepare) {
      command.addAll(profile.trainingOptions());
    }
    command.add("-jar");
    command.add(app.toString());
    command.addAll(List.of(args));
    if (prepare) {
      command.addAll(profile.trainingArguments());
    }
    Process child = new ProcessBuilder(command).inheritIO().start();
    // From here on this JVM only waits: give back the heap it touched while starting (a collection
    // lets the JVM's default collector shrink the heap and return the pages to the system). Later,
    // not now: a parallel collection now would take both cores of a small machine from the child's start.
    Thread release = new Thread(() -> {
      try {
        Thread.sleep(20_000);
        System.gc();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, profile.name() + "-launcher-gc");
    release.setDaemon(true);
    release.start();
    Runnable finish = () -> {
      try {
        if (child.isAlive()) {
          child.destroy();
          child.waitFor(60, TimeUnit.SECONDS);
        }
        keepArchive(pending, archive);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(finish, profile.name() + "-child-stop"));
    int status = child.waitFor();
    finish.run();
    return status;
  }

  private static synchronized void keepArchive(Path pending, Path archive) {
    try {
      if (Files.isRegularFile(pending)) {
        try {
          Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      deleteQuietly(pending);
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** In the child: stop when the launching JVM is gone, even if it was killed without a word. */
  private static void stopWithParent(Profile profile) {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
      System.err.println(profile.name() + ": the launching process ended; stopping");
      System.exit(143);
    }));
  }

  private static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a directory of the cache that is left behind is reused or removed next time
    }
  }
}
