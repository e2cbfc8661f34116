-- rename_hint on mysql: upgrade
-- create_table archive
CREATE TABLE `archive` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `label` VARCHAR(20),
  PRIMARY KEY (`id`)
);
-- add_column t.caption
ALTER TABLE `t` ADD COLUMN `caption` VARCHAR(20);
-- drop_column t.label [DESTRUCTIVE]
ALTER TABLE `t` DROP COLUMN `label`;
-- drop_table legacy [DESTRUCTIVE]
DROP TABLE `legacy`;
-- rename_hint on mysql: downgrade
-- create_table legacy
CREATE TABLE `legacy` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `label` VARCHAR(20),
  PRIMARY KEY (`id`)
);
-- add_column t.label
ALTER TABLE `t` ADD COLUMN `label` VARCHAR(20);
-- drop_column t.caption [DESTRUCTIVE]
ALTER TABLE `t` DROP COLUMN `caption`;
-- drop_table archive [DESTRUCTIVE]
DROP TABLE `archive`;
