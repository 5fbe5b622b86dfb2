-- bench/run.sh's scale data: 100,000 opportunities (and as many contacts) in one pipeline of a
-- location of their own (token bench-token), loaded by Flyway as one more migration, one
-- INSERT ... SELECT per table. It writes the mock server's tables directly, so it must follow
-- mock-server/src/main/resources/db/migration (last checked against V1__schema.sql with page_bucket and V2's location.data_version, which
-- defaults to 0). Never part of the mock server: run.sh copies this file into a
-- Flyway location given on the command line (--spring.flyway.locations=...,filesystem:DIR),
-- replacing ROWS_SOURCE with the database's row generator (H2: SYSTEM_RANGE; PostgreSQL:
-- generate_series), each yielding a column X from 1 to 100000.
--
-- Every 4th opportunity has each status (status=won matches 25,000); every 100th has "solar" in its
-- title (title=solar matches 1,000); createdAt is one second apart, so the order is fixed.

INSERT INTO location (id, name) VALUES ('benchLocation000001', 'Bench');
INSERT INTO api_token (token, location_id) VALUES ('bench-token', 'benchLocation000001');
INSERT INTO pipeline (id, location_id, name, allow_duplicates, opportunity_count)
  VALUES ('benchPipeline100k01', 'benchLocation000001', 'Bench 100k', FALSE, 100000);
INSERT INTO pipeline_stage (id, pipeline_id, name, sort_order) VALUES
  ('bench-stage-0', 'benchPipeline100k01', 'New', 1),
  ('bench-stage-1', 'benchPipeline100k01', 'Contacted', 2),
  ('bench-stage-2', 'benchPipeline100k01', 'Proposal', 3),
  ('bench-stage-3', 'benchPipeline100k01', 'Closed', 4);

INSERT INTO contact (id, location_id, name, name_lower, company_name, company_name_lower, email, email_key,
                     phone, phone_key, tags, created_at, updated_at)
SELECT 'bc' || LPAD(CAST(X AS VARCHAR), 10, '0'), 'benchLocation000001',
       'Contact ' || CAST(X AS VARCHAR), 'contact ' || CAST(X AS VARCHAR),
       'Company ' || CAST(MOD(X, 100) AS VARCHAR), 'company ' || CAST(MOD(X, 100) AS VARCHAR),
       'c' || CAST(X AS VARCHAR) || '@bench.example', 'c' || CAST(X AS VARCHAR) || '@bench.example',
       '+1202-' || LPAD(CAST(X AS VARCHAR), 7, '0'), NULL,
       '["bench","group-' || CAST(MOD(X, 10) AS VARCHAR) || '"]',
       1600000000000 + X * 1000, 1600000000000 + X * 1000
  FROM ROWS_SOURCE;

INSERT INTO contact_tag (contact_id, tag)
SELECT 'bc' || LPAD(CAST(X AS VARCHAR), 10, '0'), 'bench' FROM ROWS_SOURCE;
INSERT INTO contact_tag (contact_id, tag)
SELECT 'bc' || LPAD(CAST(X AS VARCHAR), 10, '0'), 'group-' || CAST(MOD(X, 10) AS VARCHAR) FROM ROWS_SOURCE;

INSERT INTO opportunity (id, location_id, pipeline_id, stage_id, contact_id, dedupe_contact_id, title, title_lower,
                         status, monetary_value, assigned_to, source, last_status_change_at, created_at, updated_at)
SELECT 'bo' || LPAD(CAST(X AS VARCHAR), 10, '0'), 'benchLocation000001', 'benchPipeline100k01',
       'bench-stage-' || CAST(MOD(X, 4) AS VARCHAR),
       'bc' || LPAD(CAST(X AS VARCHAR), 10, '0'), 'bc' || LPAD(CAST(X AS VARCHAR), 10, '0'),
       'Deal ' || CAST(X AS VARCHAR) || CASE WHEN MOD(X, 100) = 0 THEN ' Solar roof' ELSE '' END,
       'deal ' || CAST(X AS VARCHAR) || CASE WHEN MOD(X, 100) = 0 THEN ' solar roof' ELSE '' END,
       CASE MOD(X, 4) WHEN 0 THEN 'open' WHEN 1 THEN 'won' WHEN 2 THEN 'lost' ELSE 'abandoned' END,
       MOD(X, 1000) * 10, 'user' || CAST(MOD(X, 20) AS VARCHAR), 'bench',
       1600000000000 + X * 1000, 1600000000000 + X * 1000, 1600000000000 + X * 1000
  FROM ROWS_SOURCE;

-- The mock server's page buckets (V1__schema.sql, page_bucket): the pipeline's opportunities in
-- page order cut into buckets of 1,000 (onautomate.page-bucket-size), each with its first key and
-- its exact count, as the server keeps them on every create and delete.
INSERT INTO page_bucket (pipeline_id, start_created_at, start_id, row_count)
SELECT 'benchPipeline100k01', 1600000000000 + X * 1000, 'bo' || LPAD(CAST(X AS VARCHAR), 10, '0'), 1000
  FROM ROWS_SOURCE WHERE MOD(X, 1000) = 1;
