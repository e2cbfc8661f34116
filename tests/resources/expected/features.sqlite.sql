CREATE TABLE "category" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(50) NOT NULL,
  "parent_id" INTEGER,
  "sort_order" SMALLINT NOT NULL DEFAULT 0,
  "visibility" VARCHAR(6) NOT NULL DEFAULT 'public' CONSTRAINT "ck_category_visibility_enum" CHECK ("visibility" IN ('public','hidden')),
  CONSTRAINT "pk_category" PRIMARY KEY ("id"),
  CONSTRAINT "uq_category_name" UNIQUE ("name"),
  CONSTRAINT "fk_category_parent_id_category" FOREIGN KEY ("parent_id") REFERENCES "category" ("id") ON DELETE SET NULL
);
CREATE TABLE "author" (
  "id" BIGINT NOT NULL,
  "handle" VARCHAR(50) NOT NULL,
  "email" VARCHAR(120) NOT NULL,
  "active" BOOLEAN NOT NULL DEFAULT 1,
  "score" DOUBLE DEFAULT 1.5,
  "rating" FLOAT,
  "joined" DATE DEFAULT '2000-01-01',
  "wakes_at" TIME,
  "uid" UUID NOT NULL,
  "avatar" BLOB,
  "settings" JSON,
  "default_status" VARCHAR(9) DEFAULT 'draft' CONSTRAINT "ck_author_default_status_enum" CHECK ("default_status" IN ('draft','published','archived')),
  CONSTRAINT "pk_author" PRIMARY KEY ("id"),
  CONSTRAINT "uq_author_email" UNIQUE ("email"),
  CONSTRAINT "uq_author_login" UNIQUE ("handle")
);
CREATE TABLE "post" (
  "id" INTEGER NOT NULL,
  "title" VARCHAR(80) NOT NULL,
  "slug" VARCHAR(80) NOT NULL,
  "body" TEXT NOT NULL,
  "summary" VARCHAR(200) DEFAULT (lower('X')),
  "pub_date" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
  "status" VARCHAR(9) NOT NULL DEFAULT 'draft' CONSTRAINT "ck_post_status_enum" CHECK ("status" IN ('draft','published','archived')),
  "price" NUMERIC(10,2) NOT NULL DEFAULT 0,
  "views" BIGINT NOT NULL DEFAULT 0,
  "category_id" INTEGER NOT NULL,
  "author_id" BIGINT,
  "code" CHAR(8),
  "note" TEXT DEFAULT NULL,
  CONSTRAINT "pk_post" PRIMARY KEY ("id"),
  CONSTRAINT "uq_post_code" UNIQUE ("code"),
  CONSTRAINT "uq_post_slug_category_id" UNIQUE ("slug", "category_id"),
  CONSTRAINT "uq_post_code_author" UNIQUE ("code", "author_id"),
  CONSTRAINT "ck_post_title_not_empty" CHECK (length(title) > 0),
  CONSTRAINT "post_views_positive" CHECK (views >= 0),
  CONSTRAINT "fk_post_category_id_category" FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "fk_post_author_id_author" FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_post_title" ON "post" ("title");
CREATE INDEX "ix_post_category_id_pub_date" ON "post" ("category_id", "pub_date");
CREATE UNIQUE INDEX "ix_post_title_status_u" ON "post" ("title", "status");
CREATE TABLE "tag" (
  "id" INT NOT NULL,
  "label" VARCHAR(40) NOT NULL,
  CONSTRAINT "pk_tag" PRIMARY KEY ("id")
);
CREATE TABLE "post_tag" (
  "post_id" INTEGER NOT NULL,
  "tag_id" INTEGER NOT NULL,
  "added" DATETIME DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "pk_post_tag" PRIMARY KEY ("post_id", "tag_id"),
  CONSTRAINT "fk_post_tag_post_id_post" FOREIGN KEY ("post_id") REFERENCES "post" ("id") ON DELETE CASCADE,
  CONSTRAINT "fk_post_tag_tag" FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE
);
CREATE TABLE "post_tag_vote" (
  "post_id" INTEGER NOT NULL,
  "tag_id" INTEGER NOT NULL,
  "voter_id" BIGINT NOT NULL,
  "value" SMALLINT NOT NULL DEFAULT 1,
  CONSTRAINT "pk_post_tag_vote" PRIMARY KEY ("post_id", "tag_id", "voter_id"),
  CONSTRAINT "fk_post_tag_vote_voter_id_author" FOREIGN KEY ("voter_id") REFERENCES "author" ("id"),
  CONSTRAINT "fk_post_tag_vote_post_id_tag_id_post_tag" FOREIGN KEY ("post_id", "tag_id") REFERENCES "post_tag" ("post_id", "tag_id") ON DELETE CASCADE
);
