CREATE TABLE `department` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(80) NOT NULL,
  `manager_id` INT,
  PRIMARY KEY (`id`)
);
CREATE TABLE `employee` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(80) NOT NULL,
  `department_id` INT,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_employee_department_id_department` FOREIGN KEY (`department_id`) REFERENCES `department` (`id`)
);
ALTER TABLE `department` ADD CONSTRAINT `fk_department_manager_id_employee` FOREIGN KEY (`manager_id`) REFERENCES `employee` (`id`) ON DELETE SET NULL;
