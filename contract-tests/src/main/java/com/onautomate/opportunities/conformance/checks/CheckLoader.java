package com.onautomate.opportunities.conformance.checks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Finds custom checks with {@link ServiceLoader}: on the class path, and in a jar given with {@code --checks-from}.
 * Everything that can go wrong with a jar is one line of {@link IllegalArgumentException}.
 */
final class CheckLoader {
  static final String SERVICES = "META-INF/services/" + Check.class.getName();

  /** A check found, and where ("the class path", or the jar's path). */
  record Found(Check check, String origin) {
  }

  private CheckLoader() {
  }

  /** The checks the context class loader's {@code META-INF/services} files list. */
  static List<Found> fromClassPath() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(ServiceLoader.load(Check.class, loader != null ? loader : Check.class.getClassLoader()),
        "the class path");
  }

  /**
   * The checks a jar lists in its own {@code META-INF/services} file, loaded by a class loader of their own above
   * the suite's (so they see this API and the suite's libraries). The loader stays open as long as the checks live.
   */
  static List<Found> fromJar(Path jar) {
    String where = "--checks-from " + jar;
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(where + ": no such file");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SERVICES) == null) {
        throw new IllegalArgumentException(where + ": no checks in it (no " + SERVICES + ")");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": not a readable jar (" + e.getMessage() + ")");
    }
    URL url;
    try {
      url = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
    List<Found> found = load(ServiceLoader.load(Check.class, new OwnServices(url)), jar.toString());
    if (found.isEmpty()) {
      throw new IllegalArgumentException(where + ": no checks in it (" + SERVICES + " lists none)");
    }
    return found;
  }

  private static List<Found> load(ServiceLoader<Check> services, String origin) {
    List<Found> out = new ArrayList<>();
    Iterator<Check> it = services.iterator();
    try {
      while (it.hasNext()) {
        out.add(new Found(it.next(), origin));
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new IllegalArgumentException("cannot load a check from " + origin + ": " + why(e));
    }
    return out;
  }

  /** "Provider com.example.X could not be instantiated (IllegalStateException: boom)", without the service's name. */
  private static String why(Throwable e) {
    String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    String prefix = Check.class.getName() + ": ";
    if (m.startsWith(prefix)) {
      m = m.substring(prefix.length());
    }
    if (e instanceof LinkageError) {
      m = e.getClass().getSimpleName() + ": " + m;
    }
    Throwable cause = e.getCause();
    if (cause != null) {
      m += " (" + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("")) + ")";
    }
    return m;
  }

  /**
   * A jar's class loader that lists only the jar's own service files: through its parent it would also list the
   * class path's, and load those checks a second time.
   */
  private static final class OwnServices extends URLClassLoader {
    OwnServices(URL jar) {
      super(new URL[] {jar}, Check.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.equals(SERVICES) ? findResources(name) : super.getResources(name);
    }
  }
}
