package com.onautomate.opportunities.mockserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one mock server for the test class (in this JVM, on 127.0.0.1 and a free port, with its
 * own in-memory database) and stops it after the class, as WireMock's {@code @WireMockTest} does.
 * Test methods, lifecycle methods and constructors get it as parameters: the {@link MockServer}
 * itself (its {@link MockServer#token()}, {@link MockServer#requests} for assertions,
 * {@link MockServer#reset()}) or its base URL as a {@link java.net.URI}. The ids of the demo data are
 * the constants of {@link DemoData}.
 *
 * <pre>{@code
 * @MockServerTest(resetBeforeEach = true)
 * class MyClientTest {
 *   @Test
 *   void createsAnOpportunity(MockServer server) {
 *     MyClient client = new MyClient(server.baseUrl(), server.token());
 *     client.create(DemoData.PIPELINE_ID, "New deal");
 *     assertThat(server.requests("POST", "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities")).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * The request journal is emptied before each test, so {@code requests} holds that test's requests.
 * Needs JUnit Jupiter (5.x) on the test class path, which the mock-server artifact does not bring.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MockServerExtension.class)
public @interface MockServerTest {

  /** Back to the start state (demo data or {@link #fixtures}) before each test, as {@code POST /__admin/reset}. */
  boolean resetBeforeEach() default false;

  /** A fixtures file (JSON or YAML, see the mock-server README) to start with instead of the demo data. */
  String fixtures() default "";

  /** More settings, as on the command line: {@code "--onautomate.rate-limit.enabled=true"}. */
  String[] args() default {};
}
