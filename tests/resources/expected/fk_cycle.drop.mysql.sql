ALTER TABLE `department` DROP FOREIGN KEY `fk_department_manager_id_employee`;
DROP TABLE `employee`;
DROP TABLE `department`;
