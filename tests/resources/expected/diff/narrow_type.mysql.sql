-- narrow_type on mysql: upgrade
-- alter_column t.a [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(50);
-- alter_column t.b [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `b` INT;
-- alter_column t.c [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `c` DECIMAL(10,2);
-- alter_column t.d [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `d` VARCHAR(20);
-- narrow_type on mysql: downgrade
-- alter_column t.d
ALTER TABLE `t` MODIFY COLUMN `d` TEXT;
-- alter_column t.c
ALTER TABLE `t` MODIFY COLUMN `c` DECIMAL(12,2);
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` BIGINT;
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(100);
