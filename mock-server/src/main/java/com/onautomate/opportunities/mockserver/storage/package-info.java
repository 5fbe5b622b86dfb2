/**
 * The database under every feature: which one it is, new ids, and the upkeep that is not a
 * feature's (dropping an in-memory database with its last server, PostgreSQL's planner
 * statistics). Each table's SQL lives with the feature that owns the table, never here.
 */
package com.onautomate.opportunities.mockserver.storage;
