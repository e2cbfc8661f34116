-- enum_values on mysql: upgrade
-- alter_column t.status
ALTER TABLE `t` MODIFY COLUMN `status` ENUM('draft','published','archived') NOT NULL DEFAULT 'draft';
-- alter_column t.kind [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `kind` ENUM('a','b');
-- enum_values on mysql: downgrade
-- alter_column t.kind
ALTER TABLE `t` MODIFY COLUMN `kind` ENUM('a','b','c');
-- alter_column t.status [DESTRUCTIVE]
ALTER TABLE `t` MODIFY COLUMN `status` ENUM('draft','published') NOT NULL DEFAULT 'draft';
