-- unique on sqlite: upgrade
-- drop_unique t(b)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "uq_t_a_c" UNIQUE ("a", "c")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- drop_unique t(a, c)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_unique t(a)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "uq_t_a" UNIQUE ("a")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_unique t(c, a)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "uq_t_a" UNIQUE ("a"),
  CONSTRAINT "uq_t_c_a" UNIQUE ("c", "a")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- unique on sqlite: downgrade
-- drop_unique t(c, a)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "uq_t_a" UNIQUE ("a")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- drop_unique t(a)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_unique t(a, c)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "uq_t_a_c" UNIQUE ("a", "c")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_unique t(b)
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" VARCHAR(20),
  "b" VARCHAR(20),
  "c" INTEGER,
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "uq_t_a_c" UNIQUE ("a", "c"),
  CONSTRAINT "uq_t_b" UNIQUE ("b")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c") SELECT "id", "a", "b", "c" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
