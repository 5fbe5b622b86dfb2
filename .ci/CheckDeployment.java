import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks a local deployment (.ci/run deploys to target/local-deploy) as a repository manager would:
 * every published artifact is there with its POM, main jar, sources and javadoc jars; every jar carries
 * META-INF/LICENSE; every main jar an Automatic-Module-Name; the POMs a partner resolves have the
 * metadata Maven Central asks for (name, description, url, licence, SCM, developers).
 *
 * <p>Run: {@code java .ci/CheckDeployment.java <repository dir> <version>}. Exit 0 when all hold, 1 otherwise.
 */
public class CheckDeployment {

  private static final String GROUP = "com/onautomate/opportunities";
  private static final List<String> JAR_MODULES = List.of("api", "client", "server-stubs", "mock-server", "contract-tests");
  private static final List<String> FAILURES = new ArrayList<>();
  private static int passed;

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java .ci/CheckDeployment.java <repository dir> <version>");
      System.exit(2);
    }
    Path repository = Path.of(args[0]);
    String version = args[1];

    Document parent = pom(file(repository, "onautomate-opportunities-parent", version, ".pom"));
    for (String element : List.of("name", "description", "url", "licenses", "scm", "developers")) {
      check(parent != null && has(parent, element), "parent POM has <" + element + ">");
    }
    Document bom = pom(file(repository, "bom", version, ".pom"));
    for (String element : List.of("name", "description", "url", "licenses", "scm", "developers")) {
      check(bom != null && has(bom, element), "bom POM has <" + element + ">");
    }
    check(bom != null && !has(bom, "parent"), "bom POM has no parent (importing it pins only the toolkit's versions)");
    for (String module : JAR_MODULES) {
      check(bom != null && Files.readString(file(repository, "bom", version, ".pom")).contains("<artifactId>" + module + "</artifactId>"),
          "bom manages " + module);
      Document modulePom = pom(file(repository, module, version, ".pom"));
      check(modulePom != null && has(modulePom, "name") && has(modulePom, "description"), module + " POM has <name> and <description>");
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        Path jar = file(repository, module, version, suffix);
        if (check(jar != null, module + suffix + " deployed")) {
          try (JarFile contents = new JarFile(jar.toFile())) {
            check(contents.getEntry("META-INF/LICENSE") != null, module + suffix + " holds META-INF/LICENSE");
            if (suffix.equals(".jar")) {
              String name = contents.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
              check(name != null && name.startsWith("com.onautomate.opportunities."),
                  module + ".jar has an Automatic-Module-Name (" + name + ")");
            }
          }
        }
      }
    }
    check(file(repository, "api", version, "-reference.html") != null, "api-reference.html deployed");
    check(file(repository, "mock-server", version, "-exec.jar") != null, "mock-server-exec.jar (runnable) deployed");
    check(file(repository, "contract-tests", version, "-exec.jar") != null, "contract-tests-exec.jar (runnable) deployed");
    for (String example : List.of("example-custom-check", "example-junit5-conformance")) {
      check(!Files.exists(repository.resolve(GROUP).resolve(example)), example + " not deployed (an example)");
    }

    System.out.println("deployment check of " + repository + " (" + version + "): " + passed + " passed, " + FAILURES.size() + " failed");
    FAILURES.forEach(failure -> System.out.println("  FAILED: " + failure));
    System.exit(FAILURES.isEmpty() ? 0 : 1);
  }

  private static boolean check(boolean holds, String what) {
    if (holds) {
      passed++;
    } else {
      FAILURES.add(what);
    }
    return holds;
  }

  /** The deployed file of an artifact; a SNAPSHOT's files carry a timestamp instead of "-SNAPSHOT". */
  private static Path file(Path repository, String artifact, String version, String suffix) throws IOException {
    Path directory = repository.resolve(GROUP).resolve(artifact).resolve(version);
    if (!Files.isDirectory(directory)) {
      return null;
    }
    String base = version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "SNAPSHOT".length()) : version;
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(path -> {
        String name = path.getFileName().toString();
        if (!name.startsWith(artifact + "-" + base) || !name.endsWith(suffix)) {
          return false;
        }
        String between = name.substring((artifact + "-" + base).length(), name.length() - suffix.length());
        return version.endsWith("-SNAPSHOT") ? between.matches("(SNAPSHOT|\\d{8}\\.\\d{6}-\\d+)") : between.isEmpty();
      }).sorted().reduce((first, second) -> second).orElse(null);
    }
  }

  private static Document pom(Path file) throws Exception {
    return file == null ? null : DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static boolean has(Document pom, String element) {
    for (var node = pom.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(element) && !child.getTextContent().isBlank()) {
        return true;
      }
    }
    return false;
  }
}
