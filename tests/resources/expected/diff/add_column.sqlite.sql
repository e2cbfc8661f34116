-- add_column on sqlite: upgrade
-- add_column t.b
ALTER TABLE "t" ADD COLUMN "b" VARCHAR(40);
-- add_column t.c
ALTER TABLE "t" ADD COLUMN "c" INTEGER NOT NULL DEFAULT 0;
-- add_column t.d
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(40),
  "c" INTEGER NOT NULL DEFAULT 0,
  "d" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_column on sqlite: downgrade
-- drop_column t.d [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "d";
-- drop_column t.c [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "c";
-- drop_column t.b [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "b";
