-- add_column on mysql: upgrade
-- add_column t.b
ALTER TABLE `t` ADD COLUMN `b` VARCHAR(40);
-- add_column t.c
ALTER TABLE `t` ADD COLUMN `c` INT NOT NULL DEFAULT 0;
-- add_column t.d
ALTER TABLE `t` ADD COLUMN `d` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- add_column on mysql: downgrade
-- drop_column t.d [DESTRUCTIVE]
ALTER TABLE `t` DROP COLUMN `d`;
-- drop_column t.c [DESTRUCTIVE]
ALTER TABLE `t` DROP COLUMN `c`;
-- drop_column t.b [DESTRUCTIVE]
ALTER TABLE `t` DROP COLUMN `b`;
