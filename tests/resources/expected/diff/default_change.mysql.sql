-- default_change on mysql: upgrade
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` INT DEFAULT 1;
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` VARCHAR(20) DEFAULT 'it''s';
-- alter_column t.c
ALTER TABLE `t` MODIFY COLUMN `c` DATETIME;
-- alter_column t.d
ALTER TABLE `t` MODIFY COLUMN `d` VARCHAR(20) DEFAULT (lower('A'));
-- default_change on mysql: downgrade
-- alter_column t.d
ALTER TABLE `t` MODIFY COLUMN `d` VARCHAR(20) DEFAULT 'a';
-- alter_column t.c
ALTER TABLE `t` MODIFY COLUMN `c` DATETIME DEFAULT CURRENT_TIMESTAMP;
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` VARCHAR(20);
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` INT DEFAULT 0;
