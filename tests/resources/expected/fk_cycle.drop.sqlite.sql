DROP TABLE "employee";
DROP TABLE "department";
