package com.onautomate.opportunities.mockserver.opportunities;

import java.util.List;

/**
 * A validated list request: the page and the filters, already normalised for the query
 * (lower-cased where the match is case-insensitive). {@code null} = no such filter.
 */
record ListQuery(int page, int limit, String titleLower, String stageId, String status, Double monetaryValue,
                 String assignedTo, String contactId, String emailKey, String nameLower, String phone,
                 List<String> tags, String companyNameLower) {

  long offset() {
    return (long) (page - 1) * limit;
  }

  boolean hasFilters() {
    return titleLower != null || stageId != null || status != null || monetaryValue != null || assignedTo != null
        || contactId != null || hasContactFilters() || !tags.isEmpty();
  }

  boolean hasContactFilters() {
    return emailKey != null || nameLower != null || phone != null || companyNameLower != null;
  }
}
