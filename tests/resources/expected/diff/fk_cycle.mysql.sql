-- fk_cycle on mysql: upgrade
-- create_table department
CREATE TABLE `department` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(80) NOT NULL,
  `manager_id` INT,
  PRIMARY KEY (`id`)
);
-- create_table employee
CREATE TABLE `employee` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(80) NOT NULL,
  `department_id` INT,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_employee_department_id_department` FOREIGN KEY (`department_id`) REFERENCES `department` (`id`)
);
-- add_foreign_key department(manager_id)
ALTER TABLE `department` ADD CONSTRAINT `fk_department_manager_id_employee` FOREIGN KEY (`manager_id`) REFERENCES `employee` (`id`) ON DELETE SET NULL;
-- fk_cycle on mysql: downgrade
-- drop_foreign_key department(manager_id)
ALTER TABLE `department` DROP FOREIGN KEY `fk_department_manager_id_employee`;
DROP INDEX `fk_department_manager_id_employee` ON `department`;
-- drop_table employee [DESTRUCTIVE]
DROP TABLE `employee`;
-- drop_table department [DESTRUCTIVE]
DROP TABLE `department`;
