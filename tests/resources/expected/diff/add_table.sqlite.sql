-- add_table on sqlite: upgrade
-- create_table category
CREATE TABLE "category" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(50) NOT NULL,
  CONSTRAINT "pk_category" PRIMARY KEY ("id"),
  CONSTRAINT "uq_category_name" UNIQUE ("name")
);
-- create_table post
CREATE TABLE "post" (
  "id" INTEGER NOT NULL,
  "title" VARCHAR(80) NOT NULL,
  "author_id" INTEGER NOT NULL,
  "category_id" INTEGER,
  CONSTRAINT "pk_post" PRIMARY KEY ("id"),
  CONSTRAINT "fk_post_author_id_author" FOREIGN KEY ("author_id") REFERENCES "author" ("id"),
  CONSTRAINT "fk_post_category_id_category" FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE SET NULL
);
CREATE INDEX "ix_post_title" ON "post" ("title");
-- add_table on sqlite: downgrade
-- drop_table post [DESTRUCTIVE]
DROP TABLE "post";
-- drop_table category [DESTRUCTIVE]
DROP TABLE "category";
