-- nullability on mysql: upgrade
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(20) NOT NULL;
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` INT;
-- nullability on mysql: downgrade
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` INT NOT NULL;
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(20);
