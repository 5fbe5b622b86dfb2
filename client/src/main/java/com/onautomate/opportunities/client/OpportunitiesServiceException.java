package com.onautomate.opportunities.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. Every subclass carries the status, the response
 * headers and the raw response body; the subclass says which kind of error it was.
 *
 * <table>
 *   <caption>Status to exception</caption>
 *   <tr><th>Status</th><th>Exception</th></tr>
 *   <tr><td>400</td><td>{@link BadRequestException}</td></tr>
 *   <tr><td>401</td><td>{@link UnauthorizedException}</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>422</td><td>{@link ValidationException}</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitException}</td></tr>
 *   <tr><td>500–599</td><td>{@link ServerException}</td></tr>
 *   <tr><td>any other</td><td>{@link UnexpectedStatusException}</td></tr>
 * </table>
 */
public abstract class OpportunitiesServiceException extends OpportunitiesException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** The response headers. */
  private final Map<String, List<String>> headers;
  /** The response body as received. */
  private final String rawBody;
  /** The body's {@code msg}, when it had one. */
  private final @Nullable String serverMessage;

  OpportunitiesServiceException(ErrorResponse response) {
    super(response.describe(), null);
    this.status = response.status();
    this.headers = response.headers();
    this.rawBody = response.rawBody();
    this.serverMessage = response.msg();
  }

  /**
   * The HTTP status of the answer.
   *
   * @return the status code, for example 404
   */
  public int status() {
    return status;
  }

  /**
   * The response headers, names in lower case, values in the order received.
   *
   * @return an unmodifiable map, empty when there were none
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header was not sent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The response body exactly as received (decoded as UTF-8).
   *
   * @return the body, empty when there was none
   */
  public String rawBody() {
    return rawBody;
  }

  /**
   * The {@code msg} of the server's {@code {"msg": "..."}} error body.
   *
   * @return the message, or empty when the body had no {@code msg} (a 422 field map, an HTML
   *     page from a proxy, an empty body)
   */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }
}
