-- indexes on mysql: upgrade
-- drop_index t(b)
DROP INDEX `ix_t_b` ON `t`;
-- drop_index t.ix_old_name
DROP INDEX `ix_old_name` ON `t`;
-- create_index t(a)
ALTER TABLE `t` ADD KEY `ix_t_a` (`a`);
-- create_index t(a, b)
ALTER TABLE `t` ADD UNIQUE KEY `ix_t_a_b` (`a`, `b`);
-- create_index t.ix_new_name
ALTER TABLE `t` ADD KEY `ix_new_name` (`c`);
-- indexes on mysql: downgrade
-- drop_index t.ix_new_name
DROP INDEX `ix_new_name` ON `t`;
-- drop_index t(a, b)
DROP INDEX `ix_t_a_b` ON `t`;
-- drop_index t(a)
DROP INDEX `ix_t_a` ON `t`;
-- create_index t.ix_old_name
ALTER TABLE `t` ADD KEY `ix_old_name` (`c`);
-- create_index t(b)
ALTER TABLE `t` ADD KEY `ix_t_b` (`b`);
