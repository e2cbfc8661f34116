-- narrow_type on sqlite: upgrade
-- alter_column t.a [DESTRUCTIVE]
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(50),
  "b" BIGINT,
  "c" NUMERIC(12,2),
  "d" TEXT,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.b [DESTRUCTIVE]
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(50),
  "b" INTEGER,
  "c" NUMERIC(12,2),
  "d" TEXT,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.c [DESTRUCTIVE]
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(50),
  "b" INTEGER,
  "c" NUMERIC(10,2),
  "d" TEXT,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.d [DESTRUCTIVE]
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(50),
  "b" INTEGER,
  "c" NUMERIC(10,2),
  "d" VARCHAR(20),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- narrow_type on sqlite: downgrade
-- alter_column t.d
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(50),
  "b" INTEGER,
  "c" NUMERIC(10,2),
  "d" TEXT,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.c
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(50),
  "b" INTEGER,
  "c" NUMERIC(12,2),
  "d" TEXT,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.b
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(50),
  "b" BIGINT,
  "c" NUMERIC(12,2),
  "d" TEXT,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.a
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(100),
  "b" BIGINT,
  "c" NUMERIC(12,2),
  "d" TEXT,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
