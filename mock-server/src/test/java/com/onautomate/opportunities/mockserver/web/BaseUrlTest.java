package com.onautomate.opportunities.mockserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseUrlTest {

  @ParameterizedTest(name = "server.address=''{0}'' -> {1}")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1                  | http://127.0.0.1:8080",
      "''                         | http://127.0.0.1:8080",
      "0.0.0.0                    | http://127.0.0.1:8080",
      // IPv6's wildcard, in every spelling, is reached at IPv6's loopback
      "::                         | http://[::1]:8080",
      "[::]                       | http://[::1]:8080",
      "0:0:0:0:0:0:0:0            | http://[::1]:8080",
      "::0                        | http://[::1]:8080",
      // an IPv4 wildcard written as an IPv4-mapped IPv6 address is IPv4's
      "::ffff:0.0.0.0             | http://127.0.0.1:8080",
      "::1                        | http://[::1]:8080",
      "[::1]                      | http://[::1]:8080",
      "2001:db8::5                | http://[2001:db8::5]:8080",
      "192.168.1.5                | http://192.168.1.5:8080",
      "localhost                  | http://localhost:8080",
  })
  void aBoundAddressBecomesAUrlAClientOnThisMachineCanUse(String address, String url) {
    URI base = BaseUrl.of(address, 8080);
    assertThat(base).hasToString(url);
    assertThat(base.getPort()).isEqualTo(8080);
  }
}
