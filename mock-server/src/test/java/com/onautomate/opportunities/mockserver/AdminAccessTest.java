package com.onautomate.opportunities.mockserver;

import static io.restassured.RestAssured.given;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may call {@code /__admin/}: loopback callers, or others with the admin token. The server binds
 * every address, and a request to this machine's own non-loopback address arrives from it (not from
 * 127.0.0.1), as one from another machine would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAccessTest {

  private MockServer server;
  private String outside;

  @BeforeAll
  void start() throws Exception {
    Optional<InetAddress> address = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(this::up).flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
    Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
    server = MockServer.start("--server.port=0", "--server.address=0.0.0.0", "--onautomate.admin.token=s3cret-admin");
    outside = "http://" + address.get().getHostAddress() + ":" + server.port();
  }

  private boolean up(NetworkInterface i) {
    try {
      return i.isUp() && !i.isLoopback();
    } catch (java.net.SocketException e) {
      return false;
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anotherMachineNeedsTheAdminToken() {
    given().baseUri(outside).post("/__admin/reset").then().statusCode(403).body("msg", org.hamcrest.Matchers.equalTo("Forbidden"));
    given().baseUri(outside).header("Authorization", "Bearer wrong").get("/__admin/requests").then().statusCode(403);
    given().baseUri(outside).header("Authorization", "Bearer " + DemoData.TOKEN).get("/__admin/requests").then().statusCode(403);
    given().baseUri(outside).header("Authorization", "Bearer s3cret-admin").get("/__admin/requests").then().statusCode(200);
    given().baseUri(outside).header("Authorization", "Bearer s3cret-admin").post("/__admin/reset").then().statusCode(200);
    // The API itself is open to other machines as before.
    given().baseUri(outside).header("Authorization", "Bearer " + DemoData.TOKEN)
        .get("/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities").then().statusCode(200);
  }

  @Test
  void loopbackCallersNeedNoToken() {
    given().baseUri("http://127.0.0.1:" + server.port()).post("/__admin/reset").then().statusCode(200);
  }
}
