package com.onautomate.opportunities.mockserver.system;

import static com.onautomate.opportunities.mockserver.DemoData.*;

import com.onautomate.opportunities.mockserver.storage.Database;
import com.onautomate.opportunities.mockserver.web.BaseUrl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where the server listens and the demo ids, once it takes requests. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

  private final MockServerProperties properties;
  private final Database database;

  StartupReport(MockServerProperties properties, Database database) {
    this.properties = properties;
    this.database = database;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    var env = event.getApplicationContext().getEnvironment();
    int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
    String url = BaseUrl.of(env.getProperty("server.address", "127.0.0.1"), port).toString();
    StringBuilder out = new StringBuilder()
        .append("OnAutomate mock server ready at ").append(url).append('\n')
        .append("  database:   ").append(database.printableUrl()).append('\n')
        .append("  contract:   ").append(url).append("/openapi.yaml   docs: ").append(url).append("/docs\n");
    if (properties.publicBaseUrl() != null || properties.trustForwardedHeaders()) {
      out.append("  links:      ").append(properties.publicBaseUrl() != null ? properties.publicBaseUrl() : url)
          .append(properties.trustForwardedHeaders() ? " (or what Forwarded / X-Forwarded-* headers say)" : "")
          .append('\n');
    }
    out
        .append("  token:      ").append(TOKEN).append("   (second location: ").append(OTHER_TOKEN).append(")\n")
        .append("  pipeline:   ").append(PIPELINE_ID).append(" (Sales, no duplicates)\n")
        .append("    stages:   ").append(STAGE_NEW_ID).append(" (New), ").append(STAGE_CONTACTED_ID)
        .append(" (Contacted), ").append(STAGE_PROPOSAL_ID).append(" (Proposal), ").append(STAGE_CLOSED_ID)
        .append(" (Closed)\n")
        .append("  pipeline:   ").append(DUPLICATES_PIPELINE_ID).append(" (Renewals, duplicates allowed)\n")
        .append("    stages:   ").append(DUPLICATES_STAGE_1_ID).append(", ").append(DUPLICATES_STAGE_2_ID).append('\n');
    if (properties.demoData()) {
      out.append("  contacts:   ").append(CONTACT_ELON_ID).append(" (Elon Musk), ").append(CONTACT_JOHN_ID)
          .append(" (John Deo)\n")
          .append("  opportunity: ").append(OPPORTUNITY_ID).append(" (First Opp)\n");
    }
    out.append("  rate limit: ").append(properties.rateLimit().enabled()
        ? properties.rateLimit().requests() + " requests per " + properties.rateLimit().window().toSeconds() + " s per token"
        : "off");
    out.append("\n  faults:     ").append(properties.faults().describe());
    if (properties.cors().enabled()) {
      var origins = properties.cors().allowedOrigins();
      out.append("\n  CORS:       ").append(origins.contains("*") ? "any origin" : String.join(", ", origins));
    }
    System.out.println(out);
    System.out.flush();
  }
}
