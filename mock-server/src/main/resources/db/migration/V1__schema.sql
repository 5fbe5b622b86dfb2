-- One schema for H2 and PostgreSQL: plain types only, no vendor functions.
-- Times are epoch milliseconds (BIGINT): exact, comparable and identical on both databases.

CREATE TABLE location (
  id   VARCHAR(64)  NOT NULL PRIMARY KEY,
  name VARCHAR(255) NOT NULL
);

CREATE TABLE api_token (
  token       VARCHAR(255) NOT NULL PRIMARY KEY,
  location_id VARCHAR(64)  NOT NULL REFERENCES location (id)
);

CREATE TABLE pipeline (
  id                VARCHAR(64)  NOT NULL PRIMARY KEY,
  location_id       VARCHAR(64)  NOT NULL REFERENCES location (id),
  name              VARCHAR(255) NOT NULL,
  allow_duplicates  BOOLEAN      NOT NULL,
  -- Kept exact in the same transaction as every insert and delete, so that an unfiltered page
  -- needs no COUNT(*) and several servers on one database still agree.
  opportunity_count BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE pipeline_stage (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  pipeline_id VARCHAR(64)  NOT NULL REFERENCES pipeline (id),
  name        VARCHAR(255) NOT NULL,
  sort_order  INT          NOT NULL
);

CREATE TABLE contact (
  id                 VARCHAR(64)      NOT NULL PRIMARY KEY,
  location_id        VARCHAR(64)      NOT NULL,
  name               VARCHAR(255),
  name_lower         VARCHAR(255),
  company_name       VARCHAR(255),
  company_name_lower VARCHAR(255),
  email              VARCHAR(254),
  -- Lower-cased email: one contact per address and location, enforced here.
  email_key          VARCHAR(254),
  phone              VARCHAR(32),
  -- Set only for a contact created from a phone alone: one such contact per phone and location.
  phone_key          VARCHAR(32),
  -- The tags as a JSON array, in the order first added: read with the contact, no extra query.
  tags               VARCHAR(1000000) NOT NULL,
  created_at         BIGINT           NOT NULL,
  updated_at         BIGINT           NOT NULL
);
CREATE UNIQUE INDEX uq_contact_email ON contact (location_id, email_key);
CREATE UNIQUE INDEX uq_contact_phone ON contact (location_id, phone_key);
CREATE INDEX ix_contact_phone ON contact (location_id, phone);
ALTER TABLE contact ADD CONSTRAINT fk_contact_location FOREIGN KEY (location_id) REFERENCES location (id);

-- The same tags, one row each, for the tags filter ("has every tag given").
CREATE TABLE contact_tag (
  contact_id VARCHAR(64) NOT NULL REFERENCES contact (id),
  tag        VARCHAR(64) NOT NULL,
  PRIMARY KEY (contact_id, tag)
);
CREATE INDEX ix_contact_tag_tag ON contact_tag (tag, contact_id);

CREATE TABLE opportunity (
  id                    VARCHAR(64)      NOT NULL PRIMARY KEY,
  location_id           VARCHAR(64)      NOT NULL,
  pipeline_id           VARCHAR(64)      NOT NULL,
  stage_id              VARCHAR(64)      NOT NULL,
  contact_id            VARCHAR(64)      NOT NULL,
  -- The contact id when the pipeline does not allow duplicates, else NULL: the unique index
  -- below is the duplicate-opportunity rule.
  dedupe_contact_id     VARCHAR(64),
  title                 VARCHAR(255)     NOT NULL,
  title_lower           VARCHAR(255)     NOT NULL,
  status                VARCHAR(16)      NOT NULL,
  monetary_value        DOUBLE PRECISION,
  assigned_to           VARCHAR(64),
  source                VARCHAR(255),
  last_status_change_at BIGINT           NOT NULL,
  created_at            BIGINT           NOT NULL,
  updated_at            BIGINT           NOT NULL
);
CREATE UNIQUE INDEX uq_opportunity_dedupe ON opportunity (pipeline_id, dedupe_contact_id);
-- Pages are read in (created_at, id) order from these, filtered by nothing, stage, status or user.
CREATE INDEX ix_opportunity_page ON opportunity (pipeline_id, created_at, id);
CREATE INDEX ix_opportunity_stage ON opportunity (pipeline_id, stage_id, created_at, id);
CREATE INDEX ix_opportunity_status ON opportunity (pipeline_id, status, created_at, id);
CREATE INDEX ix_opportunity_assigned ON opportunity (pipeline_id, assigned_to, created_at, id);
CREATE INDEX ix_opportunity_contact ON opportunity (contact_id, pipeline_id);
CREATE INDEX ix_opportunity_stage_id ON opportunity (stage_id);
CREATE INDEX ix_opportunity_location ON opportunity (location_id);
-- Foreign keys after the indexes, so that H2 backs them with those instead of adding its own.
ALTER TABLE opportunity ADD CONSTRAINT fk_opportunity_location FOREIGN KEY (location_id) REFERENCES location (id);
ALTER TABLE opportunity ADD CONSTRAINT fk_opportunity_pipeline FOREIGN KEY (pipeline_id) REFERENCES pipeline (id);
ALTER TABLE opportunity ADD CONSTRAINT fk_opportunity_stage FOREIGN KEY (stage_id) REFERENCES pipeline_stage (id);
ALTER TABLE opportunity ADD CONSTRAINT fk_opportunity_contact FOREIGN KEY (contact_id) REFERENCES contact (id);

-- The opportunities of a pipeline in (created_at, id) order, cut into buckets of about a thousand,
-- each with its first key and its exact row count (kept in the transaction of every create and
-- delete, under the pipeline's row lock). A page N is then found by summing counts and read with a
-- small OFFSET from its bucket's first key: page 2,500 costs what page 1 costs.
CREATE TABLE page_bucket (
  pipeline_id      VARCHAR(64) NOT NULL,
  start_created_at BIGINT      NOT NULL,
  start_id         VARCHAR(64) NOT NULL,
  row_count        BIGINT      NOT NULL,
  PRIMARY KEY (pipeline_id, start_created_at, start_id)
);
