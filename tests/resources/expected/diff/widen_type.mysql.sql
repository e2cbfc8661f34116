-- widen_type on mysql: upgrade
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(100);
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` BIGINT;
-- alter_column t.c
ALTER TABLE `t` MODIFY COLUMN `c` DECIMAL(12,2);
-- alter_column t.d
ALTER TABLE `t` MODIFY COLUMN `d` DOUBLE;
-- alter_column t.e
ALTER TABLE `t` MODIFY COLUMN `e` TEXT;
-- widen_type on mysql: downgrade
-- alter_column t.e [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `e` VARCHAR(20);
-- alter_column t.d [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `d` FLOAT;
-- alter_column t.c [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `c` DECIMAL(10,2);
-- alter_column t.b [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `b` INT;
-- alter_column t.a [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(50);
