-- drop_fk_cycle on mysql: upgrade
-- drop_foreign_key other(department_id)
ALTER TABLE `other` DROP FOREIGN KEY `fk_other_department_id_department`;
DROP INDEX `fk_other_department_id_department` ON `other`;
-- drop_foreign_key department(manager_id)
ALTER TABLE `department` DROP FOREIGN KEY `fk_department_manager_id_employee`;
DROP INDEX `fk_department_manager_id_employee` ON `department`;
-- drop_column other.department_id [DESTRUCTIVE]
ALTER TABLE `other` DROP COLUMN `department_id`;
-- drop_table employee [DESTRUCTIVE]
DROP TABLE `employee`;
-- drop_table department [DESTRUCTIVE]
DROP TABLE `department`;
-- drop_fk_cycle on mysql: downgrade
-- create_table department
CREATE TABLE `department` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `manager_id` INT,
  PRIMARY KEY (`id`)
);
-- create_table employee
CREATE TABLE `employee` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `department_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_employee_department_id_department` FOREIGN KEY (`department_id`) REFERENCES `department` (`id`) ON DELETE CASCADE
);
-- add_column other.department_id
ALTER TABLE `other` ADD COLUMN `department_id` INT;
-- add_foreign_key department(manager_id)
ALTER TABLE `department` ADD CONSTRAINT `fk_department_manager_id_employee` FOREIGN KEY (`manager_id`) REFERENCES `employee` (`id`);
-- add_foreign_key other(department_id)
ALTER TABLE `other` ADD CONSTRAINT `fk_other_department_id_department` FOREIGN KEY (`department_id`) REFERENCES `department` (`id`);
