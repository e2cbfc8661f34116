-- rename_hint on sqlite: upgrade
-- create_table archive
CREATE TABLE "archive" (
  "id" INTEGER NOT NULL,
  "label" VARCHAR(20),
  CONSTRAINT "pk_archive" PRIMARY KEY ("id")
);
-- add_column t.caption
ALTER TABLE "t" ADD COLUMN "caption" VARCHAR(20);
-- drop_column t.label [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "label";
-- drop_table legacy [DESTRUCTIVE]
DROP TABLE "legacy";
-- rename_hint on sqlite: downgrade
-- create_table legacy
CREATE TABLE "legacy" (
  "id" INTEGER NOT NULL,
  "label" VARCHAR(20),
  CONSTRAINT "pk_legacy" PRIMARY KEY ("id")
);
-- add_column t.label
ALTER TABLE "t" ADD COLUMN "label" VARCHAR(20);
-- drop_column t.caption [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "caption";
-- drop_table archive [DESTRUCTIVE]
DROP TABLE "archive";
