package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.contacts.Contacts;
import com.onautomate.opportunities.mockserver.storage.Database;
import com.onautomate.opportunities.mockserver.system.MockServerProperties;
import com.onautomate.opportunities.server.model.Contact;
import com.onautomate.opportunities.server.model.Opportunity;
import com.onautomate.opportunities.server.model.OpportunityStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The list queries of {@link OpportunityStore}, its only caller, and how a row becomes an
 * {@link Opportunity}: opportunities with their contact, read in one query each (one join, tags in a
 * column).
 */
@Component
class OpportunityRows {

  static final String COLUMNS = """
      o.id, o.pipeline_id, o.stage_id, o.title, o.status, o.monetary_value, o.assigned_to, o.source,
      o.last_status_change_at, o.created_at, o.updated_at, """ + Contacts.COLUMNS;

  static final RowMapper<Opportunity> MAPPER = OpportunityRows::map;

  private final JdbcClient jdbc;
  private final boolean h2;

  private final int maxScope;

  OpportunityRows(JdbcClient jdbc, Database database, MockServerProperties properties) {
    this.jdbc = jdbc;
    this.h2 = database.isH2();
    this.maxScope = properties.contactScopeMax();
  }

  /** One page, oldest first; the page's ids come from the index alone, then the rows are joined. */
  List<Opportunity> page(String locationId, String pipelineId, ListQuery query, ContactScope scope) {
    List<Object> params = new ArrayList<>();
    String where = where(locationId, pipelineId, query, scope, params);
    params.add(query.limit());
    params.add(query.offset());
    String sql = "SELECT " + COLUMNS
        + " FROM (SELECT o.id, o.created_at FROM opportunity o" + indexHint(query, scope)
        + where
        + " ORDER BY " + indexOrder(query) + " LIMIT ? OFFSET ?) p"
        + " JOIN opportunity o ON o.id = p.id JOIN contact c ON c.id = o.contact_id"
        + " ORDER BY p.created_at, p.id";
    return jdbc.sql(sql).params(params).query(MAPPER).list();
  }

  /**
   * The page order, (createdAt, id), spelled with the columns fixed by the filter in front, as the
   * index that serves it has them: H2 then reads the index in order instead of sorting every row
   * (PostgreSQL needs no such help, and the fixed columns do not change the order).
   */
  private static String indexOrder(ListQuery query) {
    if (query.stageId() != null) {
      return "o.pipeline_id, o.stage_id, o.created_at, o.id";
    }
    if (query.status() != null) {
      return "o.pipeline_id, o.status, o.created_at, o.id";
    }
    if (query.assignedTo() != null) {
      return "o.pipeline_id, o.assigned_to, o.created_at, o.id";
    }
    return "o.pipeline_id, o.created_at, o.id";
  }

  /**
   * H2 only: the index that serves the query. H2's planner otherwise may scan a whole pipeline and
   * sort it for a page of 20; PostgreSQL's planner gets it right by itself.
   */
  private String indexHint(ListQuery query, ContactScope scope) {
    if (!h2) {
      return "";
    }
    if (scope.ids() != null) {
      return " USE INDEX (ix_opportunity_contact)";
    }
    if (query.stageId() != null) {
      return " USE INDEX (ix_opportunity_stage)";
    }
    if (query.status() != null) {
      return " USE INDEX (ix_opportunity_status)";
    }
    if (query.assignedTo() != null) {
      return " USE INDEX (ix_opportunity_assigned)";
    }
    return " USE INDEX (ix_opportunity_page)";
  }

  long count(String locationId, String pipelineId, ListQuery query, ContactScope scope) {
    List<Object> params = new ArrayList<>();
    String where = where(locationId, pipelineId, query, scope, params);
    String hint = indexHint(query, scope);
    if (hint.contains("ix_opportunity_page")) {
      // Counting reads every row of the pipeline anyway: straight through the table is cheaper for
      // H2 than through an index and a lookup per row.
      hint = " USE INDEX ()";
    }
    String sql = "SELECT COUNT(*) FROM opportunity o" + hint + where;
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  /** An unfiltered page: {@code limit} rows from the {@code skip}-th of the bucket on. */
  List<Opportunity> pageFrom(String pipelineId, PageBuckets.Bucket bucket, long skip, int limit) {
    String sql = "SELECT " + COLUMNS
        + " FROM (SELECT o.id, o.created_at FROM opportunity o" + (h2 ? " USE INDEX (ix_opportunity_page)" : "")
        + " WHERE o.pipeline_id = ? AND o.created_at >= ? AND (o.created_at > ? OR o.id >= ?)"
        + " ORDER BY o.pipeline_id, o.created_at, o.id LIMIT ? OFFSET ?) p"
        + " JOIN opportunity o ON o.id = p.id JOIN contact c ON c.id = o.contact_id"
        + " ORDER BY p.created_at, p.id";
    return jdbc.sql(sql)
        .params(pipelineId, bucket.startCreatedAt(), bucket.startCreatedAt(), bucket.startId(), limit, skip)
        .query(MAPPER).list();
  }

  /**
   * The filters. Those on the contact become the list of matching contacts' ids, found first (see
   * {@link #contactScope}); only when that list would be long are they subqueries.
   */
  private String where(String locationId, String pipelineId, ListQuery q, ContactScope scope,
                       List<Object> params) {
    StringBuilder sql = new StringBuilder(" WHERE o.pipeline_id = ?");
    params.add(pipelineId);
    if (q.titleLower() != null) {
      appendContains("o.title_lower", q.titleLower(), sql, params);
    }
    if (q.stageId() != null) {
      sql.append(" AND o.stage_id = ?");
      params.add(q.stageId());
    }
    if (q.status() != null) {
      sql.append(" AND o.status = ?");
      params.add(q.status());
    }
    if (q.monetaryValue() != null) {
      sql.append(" AND o.monetary_value = ?");
      params.add(q.monetaryValue());
    }
    if (q.assignedTo() != null) {
      sql.append(" AND o.assigned_to = ?");
      params.add(q.assignedTo());
    }
    if (scope.ids() != null) {
      sql.append(" AND o.contact_id IN (");
      for (int i = 0; i < scope.ids().size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        params.add(scope.ids().get(i));
      }
      sql.append(")");
      return sql.toString();
    }
    if (q.contactId() != null) {
      sql.append(" AND o.contact_id = ?");
      params.add(q.contactId());
    }
    if (q.hasContactFilters()) {
      sql.append(" AND o.contact_id IN (SELECT c.id FROM contact c WHERE c.location_id = ?");
      params.add(locationId);
      appendContactConditions(q, sql, params);
      sql.append(")");
    }
    for (String tag : q.tags()) {
      sql.append(" AND o.contact_id IN (SELECT t.contact_id FROM contact_tag t WHERE t.tag = ?)");
      params.add(tag);
    }
    return sql.toString();
  }

  /** The ids of the contacts the contact filters allow; {@code ids == null}: no list (none or too many). */
  record ContactScope(List<String> ids) {
    static final ContactScope NONE = new ContactScope(null);
  }

  /**
   * The contacts that contactId, email, phone, name, companyName and tags leave, looked up by their
   * own indexes before the opportunities: a selective filter then reads a few opportunities by
   * contact instead of walking the whole pipeline. Past a thousand contacts the filters stay
   * subqueries of the page query.
   */
  ContactScope contactScope(String locationId, ListQuery q) {
    if (q.contactId() == null && !q.hasContactFilters() && q.tags().isEmpty()) {
      return ContactScope.NONE;
    }
    java.util.Set<String> ids = null;
    if (q.contactId() != null) {
      ids = new java.util.LinkedHashSet<>(List.of(q.contactId()));
    }
    if (q.hasContactFilters()) {
      List<Object> params = new ArrayList<>();
      StringBuilder sql = new StringBuilder("SELECT c.id FROM contact c WHERE c.location_id = ?");
      params.add(locationId);
      appendContactConditions(q, sql, params);
      sql.append(" FETCH FIRST ").append(maxScope + 1).append(" ROWS ONLY");
      List<String> found = jdbc.sql(sql.toString()).params(params).query(String.class).list();
      if (found.size() > maxScope) {
        return ContactScope.NONE;
      }
      ids = intersect(ids, found);
    }
    if (!q.tags().isEmpty()) {
      List<Object> params = new ArrayList<>();
      StringBuilder sql = new StringBuilder(
          "SELECT t.contact_id FROM contact_tag t JOIN contact c ON c.id = t.contact_id WHERE c.location_id = ? AND t.tag IN (");
      params.add(locationId);
      for (int i = 0; i < q.tags().size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        params.add(q.tags().get(i));
      }
      sql.append(") GROUP BY t.contact_id HAVING COUNT(*) = ?");
      params.add(q.tags().size());
      sql.append(" FETCH FIRST ").append(maxScope + 1).append(" ROWS ONLY");
      List<String> found = jdbc.sql(sql.toString()).params(params).query(String.class).list();
      if (found.size() > maxScope) {
        return ContactScope.NONE;
      }
      ids = intersect(ids, found);
    }
    return new ContactScope(new ArrayList<>(ids));
  }

  private static java.util.Set<String> intersect(java.util.Set<String> ids, List<String> found) {
    if (ids == null) {
      return new java.util.LinkedHashSet<>(found);
    }
    ids.retainAll(new java.util.HashSet<>(found));
    return ids;
  }

  /** The email, phone, name and company filters as conditions on {@code contact c}. */
  private void appendContactConditions(ListQuery q, StringBuilder sql, List<Object> params) {
    if (q.emailKey() != null) {
      sql.append(" AND c.email_key = ?");
      params.add(q.emailKey());
    }
    if (q.phone() != null) {
      sql.append(" AND c.phone = ?");
      params.add(q.phone());
    }
    if (q.nameLower() != null) {
      appendContains("c.name_lower", q.nameLower(), sql, params);
    }
    if (q.companyNameLower() != null) {
      appendContains("c.company_name_lower", q.companyNameLower(), sql, params);
    }
  }

  /**
   * {@code column} contains {@code text}. H2 compiles a LIKE pattern given as a parameter again for
   * every row it tests (four arrays and two strings per row: at 100,000 rows the garbage filled the
   * old generation and brought full collections of a second); {@code POSITION} is an
   * {@code indexOf} that allocates nothing. PostgreSQL's LIKE is cheap, so it keeps it.
   */
  private void appendContains(String column, String text, StringBuilder sql, List<Object> params) {
    if (h2) {
      sql.append(" AND POSITION(? IN ").append(column).append(") > 0");
      params.add(text);
    } else {
      sql.append(" AND ").append(column).append(" LIKE ? ESCAPE '!'");
      params.add("%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
  }

  private static Opportunity map(ResultSet rs, int row) throws SQLException {
    double value = rs.getDouble(6);
    Double monetaryValue = rs.wasNull() ? null : value;
    return opportunity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        monetaryValue, rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
        Contacts.fromRow(rs, 12));
  }

  /**
   * An opportunity as its row and its contact's row read back: the one rule for both a read
   * ({@link #MAPPER}) and a write that answers with what it stored ({@link OpportunityStore#insert}).
   */
  static Opportunity opportunity(String id, String pipelineId, String stageId, String title, String status,
                                 Double monetaryValue, String assignedTo, String source, long lastStatusChangeAt,
                                 long createdAt, long updatedAt, Contact contact) {
    return new Opportunity(id, title, monetaryValue, pipelineId, stageId, assignedTo,
        OpportunityStatus.fromValue(status), source, time(lastStatusChangeAt), time(createdAt), time(updatedAt),
        contact);
  }

  static OffsetDateTime time(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
