-- checks on sqlite: upgrade
-- drop_check t.ck_t_qty_positive
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "ck_t_price_set" CHECK (price IS NOT NULL)
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- drop_check t.ck_t_price_set
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_check t.ck_t_qty_positive
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "ck_t_qty_positive" CHECK (qty >= 0)
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_check t.ck_t_price_cap
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "ck_t_qty_positive" CHECK (qty >= 0),
  CONSTRAINT "ck_t_price_cap" CHECK (price < 1000)
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- checks on sqlite: downgrade
-- drop_check t.ck_t_price_cap
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "ck_t_qty_positive" CHECK (qty >= 0)
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- drop_check t.ck_t_qty_positive
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_check t.ck_t_price_set
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "ck_t_price_set" CHECK (price IS NOT NULL)
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
-- add_check t.ck_t_qty_positive
/* strata:save-triggers "t" */;
CREATE TABLE "_strata_new_t" (
  "id" INTEGER NOT NULL,
  "qty" INTEGER,
  "price" NUMERIC(8,2),
  CONSTRAINT "pk_t" PRIMARY KEY ("id"),
  CONSTRAINT "ck_t_price_set" CHECK (price IS NOT NULL),
  CONSTRAINT "ck_t_qty_positive" CHECK (qty > 0)
);
INSERT INTO "_strata_new_t" ("id", "qty", "price") SELECT "id", "qty", "price" FROM "t";
DROP TABLE "t";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_t" RENAME TO "t";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "t" */;
