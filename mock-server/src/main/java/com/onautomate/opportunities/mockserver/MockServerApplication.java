package com.onautomate.opportunities.mockserver;

import com.onautomate.opportunities.mockserver.fixtures.FixtureException;
import com.onautomate.opportunities.mockserver.storage.DurableH2Url;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar mock-server.jar [--server.port=N] [--spring.datasource.url=...] ...} */
@SpringBootApplication
@EnableConfigurationProperties(MockServerProperties.class)
public class MockServerApplication {
  static final String H2_QUERY_CACHE_SIZE = "h2.queryCacheSize";

  public static void main(String[] args) throws Exception {
    OptionalInt childStatus = FastStart.run(FastStart.MOCK_SERVER, args);
    if (childStatus.isPresent()) {
      System.exit(childStatus.getAsInt());
    }
    // Only the types the methods declare: the launching JVM verifies this class, and a conversion
    // (say, to ApplicationContext) would make it load Spring's context interfaces for nothing.
    ConfigurableApplicationContext context;
    try {
      context = application().run(args);
    } catch (RuntimeException e) {
      if (FixtureException.in(e)) {
        System.exit(2);  // told in one line on stderr already (system.StartFailureReport)
      }
      throw e;
    }
    if (FastStartTraining.enabled()) {
      FastStartTraining.runAndExit(context);
    }
  }

  /** The application with its defaults; command-line arguments override every one of them. */
  static SpringApplication application() {
    keepParsedStatements();
    SpringApplication app = new SpringApplication(MockServerApplication.class);
    // Named, not guessed from the stack: Spring's AOT context is looked up by it, also when another
    // program's main (the conformance CLI) starts this server in its JVM.
    app.setMainApplicationClass(MockServerApplication.class);
    app.setDefaultProperties(defaults());
    app.addListeners(new DurableH2Url());
    return app;
  }

  /**
   * H2 keeps the last 8 parsed statements of each connection (its {@code QUERY_CACHE_SIZE}). A
   * create runs about ten distinct statements, so every one of them was parsed again: 20 % of a
   * create's CPU, half the creates per second (bench/FINDINGS.md). 64, for every H2 database this
   * JVM opens; {@code -Dh2.queryCacheSize=N} or {@code ;QUERY_CACHE_SIZE=N} in the URL wins.
   */
  static void keepParsedStatements() {
    if (System.getProperty(H2_QUERY_CACHE_SIZE) == null) {
      System.setProperty(H2_QUERY_CACHE_SIZE, "64");
    }
  }

  private static Map<String, Object> defaults() {
    Map<String, Object> defaults = new HashMap<>();
    // Its own config file name, so that an application.properties of a module that embeds it is not read.
    defaults.put("spring.config.name", "onautomate-mock-server");
    defaults.put("server.address", "127.0.0.1");
    defaults.put("server.port", "8080");
    // A fresh in-memory database per server, so that servers started in one JVM never share data.
    defaults.put("spring.datasource.url",
        "jdbc:h2:mem:onautomate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    defaults.put("spring.datasource.hikari.maximum-pool-size", "16");
    // A database that cannot be reached is answered 503 after at most this wait (Hikari's default: 30 s).
    defaults.put("spring.datasource.hikari.connection-timeout", "5000");
    defaults.put("spring.main.banner-mode", "off");
    defaults.put("spring.mvc.formcontent.filter.enabled", "false");
    defaults.put("server.error.whitelabel.enabled", "false");
    // Threads for the cores' worth of work (the requests are CPU-bound): 64 threads on a 2-core
    // machine tripled the p99 of reads at 64 connections, and 8 served 20 % more than 16
    // (bench/FINDINGS.md). Idle kept-alive connections hold no thread.
    defaults.put("server.tomcat.threads.max", Integer.toString(Math.max(8, 4 * Runtime.getRuntime().availableProcessors())));
    // Keep-alive connections are not closed after 100 requests (Tomcat's default), as nginx's are not.
    defaults.put("server.tomcat.max-keep-alive-requests", "-1");
    // Ready means ready: the DispatcherServlet starts with the server, not on the first request.
    defaults.put("spring.mvc.servlet.load-on-startup", "1");
    defaults.put("logging.level.root", "WARN");
    defaults.put("logging.level.com.onautomate", "INFO");
    // Start failures are told once, by system.StartFailureReport (a bad fixtures file in one line).
    defaults.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
    return defaults;
  }
}
