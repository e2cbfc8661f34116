-- drop_column on mysql: upgrade
-- drop_column t.b [DESTRUCTIVE]
ALTER TABLE `t` DROP COLUMN `b`;
-- drop_column t.c [DESTRUCTIVE]
ALTER TABLE `t` DROP COLUMN `c`;
-- drop_column on mysql: downgrade
-- add_column t.c
ALTER TABLE `t` ADD COLUMN `c` TEXT;
-- add_column t.b
ALTER TABLE `t` ADD COLUMN `b` INT NOT NULL DEFAULT 7;
