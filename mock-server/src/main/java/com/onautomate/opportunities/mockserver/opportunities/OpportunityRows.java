package com.onautomate.opportunities.mockserver.opportunities;

import com.onautomate.opportunities.mockserver.contacts.Contacts;
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
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opportunities with their contact, read in one query each (one join, tags in a column). */
@Repository
class OpportunityRows {

  static final String COLUMNS = """
      o.id, o.pipeline_id, o.stage_id, o.title, o.status, o.monetary_value, o.assigned_to, o.source,
      o.last_status_change_at, o.created_at, o.updated_at,
      c.id, c.name, c.company_name, c.email, c.phone, c.tags""";

  static final RowMapper<Opportunity> MAPPER = OpportunityRows::map;

  private final JdbcClient jdbc;

  OpportunityRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Opportunity> find(String locationId, String pipelineId, String opportunityId) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM opportunity o JOIN contact c ON c.id = o.contact_id
            WHERE o.id = ? AND o.pipeline_id = ? AND o.location_id = ?""")
        .params(opportunityId, pipelineId, locationId)
        .query(MAPPER).optional();
  }

  /** One page, oldest first; the page's ids come from the index alone, then the rows are joined. */
  List<Opportunity> page(String pipelineId, ListQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(pipelineId, query, params);
    params.add(query.limit());
    params.add(query.offset());
    String sql = "SELECT " + COLUMNS
        + " FROM (SELECT o.id, o.created_at FROM opportunity o"
        + (query.hasContactFilters() ? " JOIN contact c ON c.id = o.contact_id" : "")
        + where
        + " ORDER BY o.created_at, o.id LIMIT ? OFFSET ?) p"
        + " JOIN opportunity o ON o.id = p.id JOIN contact c ON c.id = o.contact_id"
        + " ORDER BY p.created_at, p.id";
    return jdbc.sql(sql).params(params).query(MAPPER).list();
  }

  long count(String pipelineId, ListQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(pipelineId, query, params);
    String sql = "SELECT COUNT(*) FROM opportunity o"
        + (query.hasContactFilters() ? " JOIN contact c ON c.id = o.contact_id" : "")
        + where;
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  long countAll(String pipelineId) {
    return jdbc.sql("SELECT opportunity_count FROM pipeline WHERE id = ?")
        .param(pipelineId).query(Long.class).single();
  }

  private static String where(String pipelineId, ListQuery q, List<Object> params) {
    StringBuilder sql = new StringBuilder(" WHERE o.pipeline_id = ?");
    params.add(pipelineId);
    if (q.titleLower() != null) {
      sql.append(" AND o.title_lower LIKE ? ESCAPE '!'");
      params.add(contains(q.titleLower()));
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
    if (q.contactId() != null) {
      sql.append(" AND o.contact_id = ?");
      params.add(q.contactId());
    }
    if (q.emailKey() != null) {
      sql.append(" AND c.email_key = ?");
      params.add(q.emailKey());
    }
    if (q.nameLower() != null) {
      sql.append(" AND c.name_lower LIKE ? ESCAPE '!'");
      params.add(contains(q.nameLower()));
    }
    if (q.phone() != null) {
      sql.append(" AND c.phone = ?");
      params.add(q.phone());
    }
    if (q.companyNameLower() != null) {
      sql.append(" AND c.company_name_lower LIKE ? ESCAPE '!'");
      params.add(contains(q.companyNameLower()));
    }
    for (String tag : q.tags()) {
      sql.append(" AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = o.contact_id AND t.tag = ?)");
      params.add(tag);
    }
    return sql.toString();
  }

  private static String contains(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  private static Opportunity map(ResultSet rs, int row) throws SQLException {
    double value = rs.getDouble(6);
    Double monetaryValue = rs.wasNull() ? null : value;
    Contact contact = new Contact(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
        rs.getString(16), Contacts.parseTags(rs.getString(17)));
    return new Opportunity(rs.getString(1), rs.getString(4), monetaryValue, rs.getString(2), rs.getString(3),
        rs.getString(7), OpportunityStatus.fromValue(rs.getString(5)), rs.getString(8),
        time(rs.getLong(9)), time(rs.getLong(10)), time(rs.getLong(11)), contact);
  }

  static OffsetDateTime time(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
