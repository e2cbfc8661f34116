-- fk_cycle on sqlite: upgrade
-- create_table department
CREATE TABLE "department" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(80) NOT NULL,
  "manager_id" INTEGER,
  CONSTRAINT "pk_department" PRIMARY KEY ("id")
);
-- create_table employee
CREATE TABLE "employee" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(80) NOT NULL,
  "department_id" INTEGER,
  CONSTRAINT "pk_employee" PRIMARY KEY ("id"),
  CONSTRAINT "fk_employee_department_id_department" FOREIGN KEY ("department_id") REFERENCES "department" ("id")
);
-- add_foreign_key department(manager_id)
/* strata:save-triggers "department" */;
CREATE TABLE "_strata_new_department" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(80) NOT NULL,
  "manager_id" INTEGER,
  CONSTRAINT "pk_department" PRIMARY KEY ("id"),
  CONSTRAINT "fk_department_manager_id_employee" FOREIGN KEY ("manager_id") REFERENCES "employee" ("id") ON DELETE SET NULL
);
INSERT INTO "_strata_new_department" ("id", "name", "manager_id") SELECT "id", "name", "manager_id" FROM "department";
DROP TABLE "department";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_department" RENAME TO "department";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "department" */;
-- fk_cycle on sqlite: downgrade
-- drop_foreign_key department(manager_id)
/* strata:save-triggers "department" */;
CREATE TABLE "_strata_new_department" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(80) NOT NULL,
  "manager_id" INTEGER,
  CONSTRAINT "pk_department" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_department" ("id", "name", "manager_id") SELECT "id", "name", "manager_id" FROM "department";
DROP TABLE "department";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_department" RENAME TO "department";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "department" */;
-- drop_table employee [DESTRUCTIVE]
DROP TABLE "employee";
-- drop_table department [DESTRUCTIVE]
DROP TABLE "department";
