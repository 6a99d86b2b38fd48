-- Users: login names unique ignoring case (ASCII names, so lower() agrees with Java's Locale.ROOT lower case);
-- passwords only as PBKDF2 hashes in the form pbkdf2-sha256$<iterations>$<salt>$<hash>.
CREATE TABLE users (
  id                text PRIMARY KEY,
  name              text NOT NULL,
  display_name      text NOT NULL,
  role              text NOT NULL CHECK (role IN ('VIEWER', 'TRADER', 'ADMIN')),
  enabled           boolean NOT NULL,
  password_hash     text NOT NULL CHECK (password_hash LIKE 'pbkdf2-sha256$%'),
  created_at_millis bigint NOT NULL
);
CREATE UNIQUE INDEX users_lower_name ON users (lower(name));

-- Configuration documents: every version of every name, never updated; (name, version) is the key, so of two
-- writers of the same next version exactly one inserts.
CREATE TABLE config_versions (
  name              text NOT NULL,
  version           bigint NOT NULL CHECK (version >= 1),
  content           text NOT NULL,
  author            text NOT NULL,
  created_at_millis bigint NOT NULL,
  PRIMARY KEY (name, version)
);
