-- drop_referenced_table on sqlite: upgrade
-- drop_foreign_key post(author_id)
/* strata:save-triggers "post" */;
CREATE TABLE "_strata_new_post" (
  "id" INTEGER NOT NULL,
  "author_id" INTEGER,
  "title" VARCHAR(80),
  CONSTRAINT "pk_post" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_post" ("id", "author_id", "title") SELECT "id", "author_id", "title" FROM "post";
DROP TABLE "post";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_post" RENAME TO "post";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "post" */;
-- drop_column post.author_id [DESTRUCTIVE]
ALTER TABLE "post" DROP COLUMN "author_id";
-- drop_table author [DESTRUCTIVE]
DROP TABLE "author";
-- drop_referenced_table on sqlite: downgrade
-- create_table author
CREATE TABLE "author" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(50),
  CONSTRAINT "pk_author" PRIMARY KEY ("id")
);
-- add_column post.author_id
ALTER TABLE "post" ADD COLUMN "author_id" INTEGER;
-- add_foreign_key post(author_id)
/* strata:save-triggers "post" */;
CREATE TABLE "_strata_new_post" (
  "id" INTEGER NOT NULL,
  "title" VARCHAR(80),
  "author_id" INTEGER,
  CONSTRAINT "pk_post" PRIMARY KEY ("id"),
  CONSTRAINT "fk_post_author_id_author" FOREIGN KEY ("author_id") REFERENCES "author" ("id")
);
INSERT INTO "_strata_new_post" ("id", "title", "author_id") SELECT "id", "title", "author_id" FROM "post";
DROP TABLE "post";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_post" RENAME TO "post";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "post" */;
