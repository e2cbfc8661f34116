-- drop_fk_cycle on sqlite: upgrade
-- drop_foreign_key other(department_id)
/* strata:save-triggers "other" */;
CREATE TABLE "_strata_new_other" (
  "id" INTEGER NOT NULL,
  "department_id" INTEGER,
  CONSTRAINT "pk_other" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_other" ("id", "department_id") SELECT "id", "department_id" FROM "other";
DROP TABLE "other";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_other" RENAME TO "other";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "other" */;
-- drop_column other.department_id [DESTRUCTIVE]
ALTER TABLE "other" DROP COLUMN "department_id";
-- drop_table employee [DESTRUCTIVE]
DROP TABLE "employee";
-- drop_table department [DESTRUCTIVE]
DROP TABLE "department";
-- drop_fk_cycle on sqlite: downgrade
-- create_table department
CREATE TABLE "department" (
  "id" INTEGER NOT NULL,
  "manager_id" INTEGER,
  CONSTRAINT "pk_department" PRIMARY KEY ("id"),
  CONSTRAINT "fk_department_manager_id_employee" FOREIGN KEY ("manager_id") REFERENCES "employee" ("id")
);
-- create_table employee
CREATE TABLE "employee" (
  "id" INTEGER NOT NULL,
  "department_id" INTEGER NOT NULL,
  CONSTRAINT "pk_employee" PRIMARY KEY ("id"),
  CONSTRAINT "fk_employee_department_id_department" FOREIGN KEY ("department_id") REFERENCES "department" ("id") ON DELETE CASCADE
);
-- add_column other.department_id
ALTER TABLE "other" ADD COLUMN "department_id" INTEGER;
-- add_foreign_key other(department_id)
/* strata:save-triggers "other" */;
CREATE TABLE "_strata_new_other" (
  "id" INTEGER NOT NULL,
  "department_id" INTEGER,
  CONSTRAINT "pk_other" PRIMARY KEY ("id"),
  CONSTRAINT "fk_other_department_id_department" FOREIGN KEY ("department_id") REFERENCES "department" ("id")
);
INSERT INTO "_strata_new_other" ("id", "department_id") SELECT "id", "department_id" FROM "other";
DROP TABLE "other";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_other" RENAME TO "other";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "other" */;
