-- strata tracking table, version 1
CREATE TABLE "strata_history" (
  "revision" VARCHAR(64) NOT NULL,
  "message" TEXT,
  "checksum" VARCHAR(80) NOT NULL,
  "state" VARCHAR(16) NOT NULL,
  "applied_at" VARCHAR(32) NOT NULL,
  "execution_ms" BIGINT NOT NULL,
  "applied_by" VARCHAR(255),
  "git_commit" VARCHAR(64),
  "git_dirty" BOOLEAN,
  "strata_version" VARCHAR(32),
  "statements_done" INTEGER NOT NULL,
  "statements_total" INTEGER NOT NULL,
  "error" TEXT,
  "failed_statement" TEXT,
  CONSTRAINT "pk_strata_history" PRIMARY KEY ("revision")
);
CREATE TABLE "strata_history_meta" (
  "key" VARCHAR(64) NOT NULL,
  "value" VARCHAR(255),
  CONSTRAINT "pk_strata_history_meta" PRIMARY KEY ("key")
);
INSERT INTO "strata_history_meta" ("key", "value") VALUES ('version', '1');

-- upgrade 1000: users
BEGIN;
CREATE TABLE "users" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(40) NOT NULL,
  CONSTRAINT "pk_users" PRIMARY KEY ("id")
);
INSERT INTO "strata_history" ("revision", "message", "checksum", "state", "applied_at", "execution_ms", "applied_by", "git_commit", "git_dirty", "strata_version", "statements_done", "statements_total", "error", "failed_statement") VALUES ('1000', 'users', 'sha256:fe8b59665b114440dd94b3ebd6e8a03c83defc7328c45d4f4ab8f37ce52fdfb4', 'applied', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0, NULL, NULL, NULL, '0.1.0', 1, 1, NULL, NULL);
COMMIT;

-- upgrade 1001: email
BEGIN;
ALTER TABLE "users" ADD COLUMN "email" VARCHAR(120);
INSERT INTO "strata_history" ("revision", "message", "checksum", "state", "applied_at", "execution_ms", "applied_by", "git_commit", "git_dirty", "strata_version", "statements_done", "statements_total", "error", "failed_statement") VALUES ('1001', 'email', 'sha256:6e8372b34d98a440a2ee2195163143a73ec09f2e1ab2970029f84693bbfdec04', 'applied', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0, NULL, NULL, NULL, '0.1.0', 1, 1, NULL, NULL);
COMMIT;

-- upgrade 1002: posts
BEGIN;
CREATE TABLE "posts" (
  "id" INTEGER NOT NULL,
  "user_id" INTEGER NOT NULL,
  "title" VARCHAR(80) NOT NULL,
  CONSTRAINT "pk_posts" PRIMARY KEY ("id"),
  CONSTRAINT "fk_posts_user_id_users" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_posts_title" ON "posts" ("title");
INSERT INTO "strata_history" ("revision", "message", "checksum", "state", "applied_at", "execution_ms", "applied_by", "git_commit", "git_dirty", "strata_version", "statements_done", "statements_total", "error", "failed_statement") VALUES ('1002', 'posts', 'sha256:31bb2742b9c92cd135702d2ab5aa8d41ece2f1707fccbe590d9cdc0609c289e6', 'applied', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0, NULL, NULL, NULL, '0.1.0', 2, 2, NULL, NULL);
COMMIT;
