package com.onautomate.opportunities.mockserver.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onautomate.opportunities.mockserver.storage.Ids;
import com.onautomate.opportunities.mockserver.storage.SearchKeys;
import com.onautomate.opportunities.server.model.Contact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contacts ({@code contact}, {@code contact_tag}): found or created by contactId, else email, else
 * phone, inside the caller's transaction. The database's unique indexes decide between two
 * concurrent creates of the same contact; the loser's transaction fails with a duplicate key and is
 * retried by the caller, and then finds it. Every contact is written here, so its derived columns
 * (the {@link SearchKeys} of name, company name and email, the phone key, the tags' JSON and rows)
 * are made by one rule.
 */
@Component
public class Contacts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
  };

  private final JdbcClient jdbc;

  Contacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A contact as it is stored: {@code email} and {@code phone} as given, tags in order, no repeats. */
  public record NewContact(String id, String locationId, String name, String companyName, String email, String phone,
                           List<String> tags, long createdAt) {
  }

  /** Stores a new contact, in the caller's transaction; returns its tags as stored (in order, no repeats). */
  public List<String> add(NewContact contact) {
    List<String> tags = List.copyOf(new LinkedHashSet<>(contact.tags()));
    // One contact per email, and one per phone among the contacts that have no email (made from a phone alone).
    String phoneKey = contact.email() == null ? contact.phone() : null;
    jdbc.sql("""
            INSERT INTO contact (id, location_id, name, name_lower, company_name, company_name_lower,
              email, email_key, phone, phone_key, tags, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(contact.id(), contact.locationId(), contact.name(), SearchKeys.lower(contact.name()),
            contact.companyName(), SearchKeys.lower(contact.companyName()), contact.email(),
            SearchKeys.lower(contact.email()), contact.phone(), phoneKey, tags.isEmpty() ? "[]" : toJson(tags),
            contact.createdAt(), contact.createdAt())
        .update();
    for (String tag : tags) {
      jdbc.sql("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)").params(contact.id(), tag).update();
    }
    return tags;
  }

  /** Deletes every contact of the location, in the caller's transaction (for a reset; its opportunities go first). */
  public void deleteAllOf(String locationId) {
    jdbc.sql("DELETE FROM contact_tag WHERE contact_id IN (SELECT id FROM contact WHERE location_id = ?)")
        .param(locationId).update();
    jdbc.sql("DELETE FROM contact WHERE location_id = ?").param(locationId).update();
  }

  public boolean exists(String locationId, String contactId) {
    return jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = ? AND location_id = ?")
        .params(contactId, locationId).query(Long.class).single() > 0;
  }

  /**
   * Finds or creates the contact, applies name, company name and tags, and returns it as stored
   * now (what a read of its row in this transaction would give), so that the caller's answer needs
   * no second read.
   */
  public Contact findOrCreate(String locationId, ContactWrite write, long now) {
    Optional<String> found;
    if (write.contactId() != null) {
      found = Optional.of(write.contactId());
    } else if (write.email() != null) {
      found = jdbc.sql("SELECT id FROM contact WHERE location_id = ? AND email_key = ?")
          .params(locationId, SearchKeys.lower(write.email())).query(String.class).optional();
    } else {
      found = jdbc.sql("SELECT id FROM contact WHERE location_id = ? AND phone = ? ORDER BY created_at, id")
          .params(locationId, write.phone()).query(String.class).list().stream().findFirst();
    }
    if (found.isEmpty()) {
      // With the write's name, company name and tags already applied.
      NewContact contact = new NewContact(Ids.newId(now), locationId, write.name(), write.companyName(),
          write.email(), write.phone(), write.tags() == null ? List.of() : write.tags(), now);
      List<String> tags = add(contact);
      return new Contact(contact.id(), contact.name(), contact.companyName(), contact.email(), contact.phone(),
          new ArrayList<>(tags));
    }
    return apply(found.get(), write, now);
  }

  /**
   * Name and company name replace; tags are added without repeats. Row-locked when it writes, so no
   * tag is lost. Returns the contact as it is now.
   */
  private Contact apply(String id, ContactWrite write, long now) {
    boolean hasTags = write.tags() != null && !write.tags().isEmpty();
    boolean writes = write.name() != null || write.companyName() != null || hasTags;
    Contact stored = jdbc.sql("SELECT " + COLUMNS + " FROM contact c WHERE c.id = ?" + (writes ? " FOR UPDATE" : ""))
        .param(id)
        .query((rs, n) -> fromRow(rs, 1))
        .single();
    if (!writes) {
      return stored;
    }
    List<String> tags = stored.getTags();
    List<String> added = new ArrayList<>();
    if (hasTags) {
      LinkedHashSet<String> merged = new LinkedHashSet<>(tags);
      for (String tag : write.tags()) {
        if (merged.add(tag)) {
          added.add(tag);
        }
      }
      tags = new ArrayList<>(merged);
    }
    jdbc.sql("""
            UPDATE contact SET
              name = COALESCE(?, name), name_lower = COALESCE(?, name_lower),
              company_name = COALESCE(?, company_name), company_name_lower = COALESCE(?, company_name_lower),
              tags = COALESCE(?, tags), updated_at = ?
            WHERE id = ?""")
        .params(write.name(), SearchKeys.lower(write.name()), write.companyName(),
            SearchKeys.lower(write.companyName()), added.isEmpty() ? null : toJson(tags), now, id)
        .update();
    for (String tag : added) {
      jdbc.sql("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)").params(id, tag).update();
    }
    return new Contact(id, write.name() != null ? write.name() : stored.getName(),
        write.companyName() != null ? write.companyName() : stored.getCompanyName(), stored.getEmail(),
        stored.getPhone(), tags);
  }

  /** The columns of a contact row that {@link #fromRow} reads, in its order, of a table named {@code c}. */
  public static final String COLUMNS = "c.id, c.name, c.company_name, c.email, c.phone, c.tags";

  /** A contact row as the API shows it, from {@link #COLUMNS} starting at column {@code first}. */
  public static Contact fromRow(ResultSet rs, int first) throws SQLException {
    return new Contact(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
        rs.getString(first + 3), rs.getString(first + 4), parseTags(rs.getString(first + 5)));
  }

  public static List<String> parseTags(String json) {
    if (json == null || json.equals("[]")) {
      return new ArrayList<>();
    }
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored tags are not a JSON array: " + json, e);
    }
  }

  public static String toJson(List<String> tags) {
    try {
      return JSON.writeValueAsString(tags);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<String> idOf(String locationId, String contactId) {
    return jdbc.sql("SELECT id FROM contact WHERE id = ? AND location_id = ?")
        .params(contactId, locationId).query(String.class).optional();
  }
}
