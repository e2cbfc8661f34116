-- nullability on sqlite: upgrade
-- alter_column t.a
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20) NOT NULL,
  "b" INTEGER NOT NULL,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b") SELECT "id", "a", "b" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.b
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20) NOT NULL,
  "b" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b") SELECT "id", "a", "b" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- nullability on sqlite: downgrade
-- alter_column t.b
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20) NOT NULL,
  "b" INTEGER NOT NULL,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b") SELECT "id", "a", "b" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.a
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" INTEGER NOT NULL,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b") SELECT "id", "a", "b" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
