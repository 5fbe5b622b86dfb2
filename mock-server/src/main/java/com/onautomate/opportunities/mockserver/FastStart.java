package com.onautomate.opportunities.mockserver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Runs {@code java -jar mock-server.jar} in a second JVM that starts in about half the time and
 * uses a fraction of the memory: the jar extracted once (classes load from plain jars, not nested
 * ones), an application class-data-sharing archive (classes arrive parsed and verified), Spring's
 * ahead-of-time processed context ({@code -Dspring.aot.enabled=true}), and JVM
 * options a mock server wants ({@code -XX:+UseSerialGC -Xms64m -Xmx1g}) unless the command gave
 * its own. A jar's manifest cannot carry JVM options; this is how Elasticsearch and Gradle's
 * launchers get theirs.
 *
 * <p>The extracted jar and the archive live in {@code <jar's directory>/mock-server-faststart/<key>}
 * (or under {@code java.io.tmpdir} when that directory is read-only), keyed by the jar's size and
 * time and the JVM's version, so a rebuilt jar or another JDK gets its own. The build prepares them
 * ({@code -Donautomate.mock.prepare-fast-start=true}: extract, start once and send every operation
 * ({@link FastStartTraining}), write the archive); a
 * jar copied elsewhere extracts on its first start and writes the archive when that server stops.
 *
 * <p>It steps aside, and the server starts in the launching JVM as before, when
 * {@code -Donautomate.mock.fast-start=false} is given, when the JVM runs a debugger or a Java
 * agent or chose its own class-data-sharing options, when not started from the runnable jar (IDE,
 * tests, {@code spring-boot:run}), and when anything it needs fails (one line on stderr says why).
 * The parent only waits: it forwards its end to the child (SIGTERM, Ctrl-C) and exits with the
 * child's status; the child stops on its own if the parent dies without a word.
 */
final class FastStart {

  static final String ENABLED = "onautomate.mock.fast-start";
  static final String PREPARE = "onautomate.mock.prepare-fast-start";
  private static final String CHILD = "onautomate.mock.fast-start-child";
  private static final String CACHE_DIR = "mock-server-faststart";
  private static final String ARCHIVE = "app.jsa";

  /** JVM options that make a separate JVM unsafe or pointless: it would bind the same debugger port. */
  private static final List<String> STEP_ASIDE_FOR = List.of(
      "-agentlib:", "-agentpath:", "-javaagent:", "-Xdebug", "-Xrunjdwp",
      "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-Xshare", "-XX:DumpLoadedClassList");

  private FastStart() {
  }

  /**
   * Runs the server in a child JVM when it can, and returns the child's exit status; empty when the
   * caller should start the server in this JVM.
   */
  static OptionalInt run(String[] args) {
    if (Boolean.getBoolean(CHILD)) {
      stopWithParent();
      return OptionalInt.empty();
    }
    boolean prepare = Boolean.getBoolean(PREPARE);
    if (!prepare && !Boolean.parseBoolean(System.getProperty(ENABLED, "true"))) {
      return OptionalInt.empty();
    }
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Path jar = runnableJar();
    String reason = jar == null ? "not started as java -jar mock-server.jar"
        : jvmOptions.stream().filter(FastStart::stepsAsideFor).findFirst()
            .map(option -> "the JVM was started with " + option).orElse(null);
    if (reason != null) {
      return prepare ? fail(reason) : OptionalInt.empty();
    }
    try {
      Path home = home(jar);
      Path app = extracted(jar, home);
      return OptionalInt.of(runChild(home, app, jvmOptions, args, prepare));
    } catch (IOException | RuntimeException e) {
      if (prepare) {
        return fail(e.toString());
      }
      System.err.println("mock server: fast start unavailable (" + e + "); starting in this JVM");
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(130);
    }
  }

  private static OptionalInt fail(String reason) {
    System.err.println("mock server: cannot prepare the fast start: " + reason);
    return OptionalInt.of(1);
  }

  private static boolean stepsAsideFor(String jvmOption) {
    return STEP_ASIDE_FOR.stream().anyMatch(jvmOption::startsWith);
  }

  /** The runnable jar this JVM was started from with {@code java -jar}, or null. */
  private static Path runnableJar() {
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
      return null;
    }
    Path jar = Path.of(classPath).toAbsolutePath();
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry("BOOT-INF/classes/") == null ? null : jar;
    } catch (IOException e) {
      return null;
    }
  }

  /** This jar's and this JVM's directory in the cache, created; older keys beside it are removed. */
  private static Path home(Path jar) throws IOException {
    String key = key(jar);
    IOException failure = null;
    for (Path base : List.of(jar.getParent().resolve(CACHE_DIR),
        Path.of(System.getProperty("java.io.tmpdir"), "onautomate-" + CACHE_DIR + "-" + user()))) {
      try {
        Path home = Files.createDirectories(base.resolve(key));
        Files.deleteIfExists(Files.createTempFile(home, "write-test", ".tmp"));
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
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String user() {
    return System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static void removeOtherKeys(Path base, String key) {
    try (Stream<Path> keys = Files.list(base)) {
      keys.filter(dir -> !dir.getFileName().toString().equals(key)).forEach(FastStart::deleteQuietly);
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

  private static int runChild(Path home, Path app, List<String> jvmOptions, String[] args, boolean prepare)
      throws IOException, InterruptedException {
    Path archive = home.resolve(ARCHIVE);
    Path pending = home.resolve(ARCHIVE + "." + ProcessHandle.current().pid() + ".tmp");
    boolean archived = Files.isRegularFile(archive) && !prepare;
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(defaultOptions(jvmOptions));
    command.add(archived ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + pending);
    // An archive that no longer fits (another JDK build) is ignored; the JVM says nothing about it.
    command.add("-Xlog:cds=off");
    command.add("-Xlog:cds+dynamic=off");
    command.add("-D" + CHILD + "=true");
    // The application context the build pre-computed (spring-boot-maven-plugin process-aot): no
    // configuration-class parsing, condition evaluation or CGLIB proxies at start.
    command.add("-Dspring.aot.enabled=true");
    if (prepare) {
      command.add("-D" + FastStartTraining.ENABLED + "=true");
    }
    command.add("-jar");
    command.add(app.toString());
    command.addAll(List.of(args));
    if (prepare) {
      command.add("--server.port=0");
    }
    Process child = new ProcessBuilder(command).inheritIO().start();
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
    Runtime.getRuntime().addShutdownHook(new Thread(finish, "mock-server-child-stop"));
    int status = child.waitFor();
    finish.run();
    return status;
  }

  /** Options a mock server should run with, each only when the command set none of its kind. */
  private static List<String> defaultOptions(List<String> jvmOptions) {
    List<String> defaults = new ArrayList<>();
    if (jvmOptions.stream().noneMatch(option -> option.matches("-XX:[+]Use\\w+GC"))) {
      defaults.add("-XX:+UseSerialGC");
    }
    // A heap that starts small and grows when it must: with the JVM's defaults (initial heap 1/64 of
    // the machine's memory, maximum 1/4) a mock server on a large machine holds hundreds of MiB.
    if (jvmOptions.stream().noneMatch(option -> option.matches("-Xm[sx].*") || option.matches("-XX:(Max|Initial)(HeapSize|RAM).*"))) {
      defaults.add("-Xms64m");
      defaults.add("-Xmx1g");
    }
    return defaults;
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
  private static void stopWithParent() {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
      System.err.println("mock server: the launching process ended; stopping");
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
