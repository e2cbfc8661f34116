-- enum_values on sqlite: upgrade
-- alter_column t.status
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "status" VARCHAR(9) NOT NULL DEFAULT 'draft' CONSTRAINT "ck_t_status_enum" CHECK ("status" IN ('draft','published','archived')),
  "kind" VARCHAR(1) CONSTRAINT "ck_t_kind_enum" CHECK ("kind" IN ('a','b','c')),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "status", "kind") SELECT "id", "status", "kind" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.kind [DESTRUCTIVE]
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "status" VARCHAR(9) NOT NULL DEFAULT 'draft' CONSTRAINT "ck_t_status_enum" CHECK ("status" IN ('draft','published','archived')),
  "kind" VARCHAR(1) CONSTRAINT "ck_t_kind_enum" CHECK ("kind" IN ('a','b')),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "status", "kind") SELECT "id", "status", "kind" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- enum_values on sqlite: downgrade
-- alter_column t.kind
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "status" VARCHAR(9) NOT NULL DEFAULT 'draft' CONSTRAINT "ck_t_status_enum" CHECK ("status" IN ('draft','published','archived')),
  "kind" VARCHAR(1) CONSTRAINT "ck_t_kind_enum" CHECK ("kind" IN ('a','b','c')),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "status", "kind") SELECT "id", "status", "kind" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- alter_column t.status [DESTRUCTIVE]
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "status" VARCHAR(9) NOT NULL DEFAULT 'draft' CONSTRAINT "ck_t_status_enum" CHECK ("status" IN ('draft','published')),
  "kind" VARCHAR(1) CONSTRAINT "ck_t_kind_enum" CHECK ("kind" IN ('a','b','c')),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "status", "kind") SELECT "id", "status", "kind" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
