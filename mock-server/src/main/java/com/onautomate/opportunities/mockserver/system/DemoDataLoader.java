package com.onautomate.opportunities.mockserver.system;

import static com.onautomate.opportunities.mockserver.DemoData.*;

import com.onautomate.opportunities.mockserver.opportunities.PageBuckets;
import java.time.Instant;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data once, before the server takes requests: on a database that already has it
 * (a file H2 or PostgreSQL used before) nothing is touched, so what clients did to it survives.
 * The locations, tokens, pipelines and stages are always loaded (the API cannot create them, and a
 * server without a token answers nothing but 401); {@code onautomate.demo-data=false} leaves out
 * the demo contacts and opportunities, so the pipelines start empty.
 */
@Component
class DemoDataLoader implements InitializingBean {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final MockServerProperties properties;
  private final PageBuckets buckets;

  DemoDataLoader(JdbcClient jdbc, TransactionTemplate tx, MockServerProperties properties, PageBuckets buckets) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.properties = properties;
    this.buckets = buckets;
  }

  @Override
  public void afterPropertiesSet() {
    if (count("SELECT COUNT(*) FROM location WHERE id = ?", LOCATION_ID) == 0) {
      once(this::loadLocations);
    }
    if (properties.demoData() && count("SELECT COUNT(*) FROM contact WHERE id = ?", CONTACT_ELON_ID) == 0) {
      once(this::loadRecords);
    }
  }

  private long count(String sql, String id) {
    return jdbc.sql(sql).param(id).query(Long.class).single();
  }

  private void once(Runnable load) {
    try {
      tx.executeWithoutResult(status -> load.run());
    } catch (DuplicateKeyException e) {
      // Another server on the same database loaded it at the same moment.
    }
  }

  private void loadLocations() {
    location(LOCATION_ID, "Demo location A", TOKEN);
    pipeline(PIPELINE_ID, LOCATION_ID, "Sales", false);
    stage(STAGE_NEW_ID, PIPELINE_ID, "New", 1);
    stage(STAGE_CONTACTED_ID, PIPELINE_ID, "Contacted", 2);
    stage(STAGE_PROPOSAL_ID, PIPELINE_ID, "Proposal", 3);
    stage(STAGE_CLOSED_ID, PIPELINE_ID, "Closed", 4);
    pipeline(DUPLICATES_PIPELINE_ID, LOCATION_ID, "Renewals", true);
    stage(DUPLICATES_STAGE_1_ID, DUPLICATES_PIPELINE_ID, "Due", 1);
    stage(DUPLICATES_STAGE_2_ID, DUPLICATES_PIPELINE_ID, "Renewed", 2);
    location(OTHER_LOCATION_ID, "Demo location B", OTHER_TOKEN);
    pipeline(OTHER_PIPELINE_ID, OTHER_LOCATION_ID, "Other location's pipeline", false);
    stage(OTHER_STAGE_ID, OTHER_PIPELINE_ID, "New", 1);
  }

  private void loadRecords() {
    long created = millis("2020-10-29T09:00:00.000Z");
    contact(CONTACT_ELON_ID, LOCATION_ID, "Elon Musk", "Tesla", CONTACT_ELON_EMAIL, "+1202-555-0107", created);
    contact(CONTACT_JOHN_ID, LOCATION_ID, "John Deo", "Tesla Inc", CONTACT_JOHN_EMAIL, "+1202-555-0108", created + 1,
        "cillum sunt in enim", "ea");
    opportunity(OPPORTUNITY_ID, LOCATION_ID, PIPELINE_ID, STAGE_NEW_ID, CONTACT_JOHN_ID, false, "First Opp", 120.0,
        "hxHGVRb1YJUscrCB8eXK", "form", millis("2020-10-29T09:39:35.472Z"), millis("2020-10-29T09:31:30.255Z"),
        millis("2020-10-29T09:44:02.263Z"));
    contact(OTHER_CONTACT_ID, OTHER_LOCATION_ID, "Jane Roe", "Acme", "jane@acme.example", "+1202-555-0199", created);
    opportunity(OTHER_OPPORTUNITY_ID, OTHER_LOCATION_ID, OTHER_PIPELINE_ID, OTHER_STAGE_ID, OTHER_CONTACT_ID, false,
        "Other Opp", 50.0, null, "form", created, created, created);
  }

  private void location(String id, String name, String token) {
    jdbc.sql("INSERT INTO location (id, name) VALUES (?, ?)").params(id, name).update();
    jdbc.sql("INSERT INTO api_token (token, location_id) VALUES (?, ?)").params(token, id).update();
  }

  private void pipeline(String id, String locationId, String name, boolean allowDuplicates) {
    jdbc.sql("INSERT INTO pipeline (id, location_id, name, allow_duplicates, opportunity_count) VALUES (?, ?, ?, ?, 0)")
        .params(id, locationId, name, allowDuplicates).update();
  }

  private void stage(String id, String pipelineId, String name, int order) {
    jdbc.sql("INSERT INTO pipeline_stage (id, pipeline_id, name, sort_order) VALUES (?, ?, ?, ?)")
        .params(id, pipelineId, name, order).update();
  }

  private void contact(String id, String locationId, String name, String company, String email, String phone,
                       long at, String... tags) {
    jdbc.sql("""
            INSERT INTO contact (id, location_id, name, name_lower, company_name, company_name_lower, email, email_key,
              phone, phone_key, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)""")
        .params(id, locationId, name, name.toLowerCase(), company, company.toLowerCase(), email, email.toLowerCase(),
            phone, com.onautomate.opportunities.mockserver.contacts.Contacts.toJson(java.util.List.of(tags)), at, at)
        .update();
    for (String tag : tags) {
      jdbc.sql("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)").params(id, tag).update();
    }
  }

  private void opportunity(String id, String locationId, String pipelineId, String stageId, String contactId,
                           boolean allowDuplicates, String title, Double value, String assignedTo, String source,
                           long statusChangeAt, long createdAt, long updatedAt) {
    jdbc.sql("""
            INSERT INTO opportunity (id, location_id, pipeline_id, stage_id, contact_id, dedupe_contact_id, title,
              title_lower, status, monetary_value, assigned_to, source, last_status_change_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)""")
        .params(id, locationId, pipelineId, stageId, contactId, allowDuplicates ? null : contactId, title,
            title.toLowerCase(), value, assignedTo, source, statusChangeAt, createdAt, updatedAt)
        .update();
    jdbc.sql("UPDATE pipeline SET opportunity_count = opportunity_count + 1 WHERE id = ?").param(pipelineId).update();
    buckets.added(pipelineId, createdAt, id);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
