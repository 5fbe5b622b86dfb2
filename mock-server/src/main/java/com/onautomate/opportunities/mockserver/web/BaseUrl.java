package com.onautomate.opportunities.mockserver.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The URL a client on this machine reaches the server at, from the address it binds and its port.
 * A wildcard (every interface) becomes the loopback address of its family: {@code 127.0.0.1} for
 * {@code 0.0.0.0} or no address, {@code [::1]} for {@code ::} (in any spelling), since only the
 * IPv6 loopback is sure to answer on an IPv6 socket (whether it also takes IPv4 depends on the
 * system). Any other IPv6 address is written in brackets; a host name or IPv4 address as given.
 */
public final class BaseUrl {

  private static final Pattern IPV4_WILDCARD = Pattern.compile("0+(\\.0+){0,3}");

  private BaseUrl() {
  }

  /** {@code http://<host>:<port>}, without a trailing slash. */
  public static URI of(String boundAddress, int port) {
    return URI.create("http://" + host(boundAddress) + ":" + port);
  }

  static String host(String boundAddress) {
    String host = boundAddress == null ? "" : boundAddress.strip();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || IPV4_WILDCARD.matcher(host).matches()) {
      return "127.0.0.1";
    }
    if (host.indexOf(':') < 0) {
      return host;
    }
    try {
      // In brackets, InetAddress only parses an IPv6 literal: never a DNS look-up.
      InetAddress address = InetAddress.getByName("[" + host + "]");
      if (address.isAnyLocalAddress()) {
        return address instanceof Inet6Address ? "[::1]" : "127.0.0.1";
      }
    } catch (UnknownHostException e) {
      // not an IPv6 literal after all: written as given, in brackets
    }
    return "[" + host + "]";
  }
}
