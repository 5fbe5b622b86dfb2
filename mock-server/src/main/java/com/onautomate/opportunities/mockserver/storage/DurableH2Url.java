package com.onautomate.opportunities.mockserver.storage;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A file H2 (any H2 URL that is not {@code mem:}) gets {@code ;WRITE_DELAY=0} unless its URL sets
 * {@code WRITE_DELAY} itself: H2 then writes every commit to its file before the commit returns, so
 * a write the server answered survives {@code kill -9} of the server. H2's default (500 ms) writes
 * commits in the background, and a killed server lost hundreds of answered creates (issue 18). H2
 * does not fsync a commit either way, so the page cache holds it until the OS writes it out: an OS
 * crash or power loss may still lose the last writes (see the README's durability section).
 *
 * <p>Applied to the environment before the DataSource is built, so the pool, {@link Database} and
 * the start report all see the URL the database is opened with.
 */
public final class DurableH2Url implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  static final String URL_PROPERTY = "spring.datasource.url";
  private static final Pattern WRITE_DELAY_SET = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    String url = environment.getProperty(URL_PROPERTY);
    String durable = durable(url);
    if (durable != null && !durable.equals(url)) {
      environment.getPropertySources().addFirst(new MapPropertySource("durableH2Url", Map.of(URL_PROPERTY, durable)));
    }
  }

  /** The URL with {@code ;WRITE_DELAY=0} added when it is an on-disk H2 that does not set it. */
  static String durable(String url) {
    if (url == null || !Database.isH2OnDisk(url) || WRITE_DELAY_SET.matcher(url).find()) {
      return url;
    }
    return url + ";WRITE_DELAY=0";
  }
}
