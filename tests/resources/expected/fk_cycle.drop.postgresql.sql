ALTER TABLE "department" DROP CONSTRAINT "fk_department_manager_id_employee";
DROP TABLE "employee";
DROP TABLE "department";
