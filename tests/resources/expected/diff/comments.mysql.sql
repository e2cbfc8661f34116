-- comments on mysql: upgrade
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(20) NOT NULL COMMENT 'The a';
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` INT;
-- alter_table_comment t
ALTER TABLE `t` COMMENT='New words; it''s';
-- comments on mysql: downgrade
-- alter_table_comment t
ALTER TABLE `t` COMMENT='Old words';
-- alter_column t.b
ALTER TABLE `t` MODIFY COLUMN `b` INT COMMENT 'The b';
-- alter_column t.a
ALTER TABLE `t` MODIFY COLUMN `a` VARCHAR(20) NOT NULL;
