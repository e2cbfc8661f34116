-- default_change on sqlite: upgrade
-- alter_column t.a
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" INTEGER DEFAULT 1,
  "b" VARCHAR(20),
  "c" DATETIME DEFAULT CURRENT_TIMESTAMP,
  "d" VARCHAR(20) DEFAULT 'a',
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
  "a" INTEGER DEFAULT 1,
  "b" VARCHAR(20) DEFAULT 'it''s',
  "c" DATETIME DEFAULT CURRENT_TIMESTAMP,
  "d" VARCHAR(20) DEFAULT 'a',
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
  "a" INTEGER DEFAULT 1,
  "b" VARCHAR(20) DEFAULT 'it''s',
  "c" DATETIME,
  "d" VARCHAR(20) DEFAULT 'a',
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.d
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" INTEGER DEFAULT 1,
  "b" VARCHAR(20) DEFAULT 'it''s',
  "c" DATETIME,
  "d" VARCHAR(20) DEFAULT (lower('A')),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- default_change on sqlite: downgrade
-- alter_column t.d
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "a" INTEGER DEFAULT 1,
  "b" VARCHAR(20) DEFAULT 'it''s',
  "c" DATETIME,
  "d" VARCHAR(20) DEFAULT 'a',
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
  "a" INTEGER DEFAULT 1,
  "b" VARCHAR(20) DEFAULT 'it''s',
  "c" DATETIME DEFAULT CURRENT_TIMESTAMP,
  "d" VARCHAR(20) DEFAULT 'a',
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
  "a" INTEGER DEFAULT 1,
  "b" VARCHAR(20),
  "c" DATETIME DEFAULT CURRENT_TIMESTAMP,
  "d" VARCHAR(20) DEFAULT 'a',
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
  "a" INTEGER DEFAULT 0,
  "b" VARCHAR(20),
  "c" DATETIME DEFAULT CURRENT_TIMESTAMP,
  "d" VARCHAR(20) DEFAULT 'a',
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "a", "b", "c", "d") SELECT "id", "a", "b", "c", "d" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
