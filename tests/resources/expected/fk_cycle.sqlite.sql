CREATE TABLE "department" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(80) NOT NULL,
  "manager_id" INTEGER,
  CONSTRAINT "pk_department" PRIMARY KEY ("id"),
  CONSTRAINT "fk_department_manager_id_employee" FOREIGN KEY ("manager_id") REFERENCES "employee" ("id") ON DELETE SET NULL
);
CREATE TABLE "employee" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(80) NOT NULL,
  "department_id" INTEGER,
  CONSTRAINT "pk_employee" PRIMARY KEY ("id"),
  CONSTRAINT "fk_employee_department_id_department" FOREIGN KEY ("department_id") REFERENCES "department" ("id")
);
