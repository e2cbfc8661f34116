-- unique on mysql: upgrade
-- drop_unique t(b)
ALTER TABLE `t` DROP INDEX `uq_t_b`;
-- drop_unique t(a, c)
ALTER TABLE `t` DROP INDEX `uq_t_a_c`;
-- add_unique t(a)
ALTER TABLE `t` ADD UNIQUE KEY `uq_t_a` (`a`);
-- add_unique t(c, a)
ALTER TABLE `t` ADD UNIQUE KEY `uq_t_c_a` (`c`, `a`);
-- unique on mysql: downgrade
-- drop_unique t(c, a)
ALTER TABLE `t` DROP INDEX `uq_t_c_a`;
-- drop_unique t(a)
ALTER TABLE `t` DROP INDEX `uq_t_a`;
-- add_unique t(a, c)
ALTER TABLE `t` ADD UNIQUE KEY `uq_t_a_c` (`a`, `c`);
-- add_unique t(b)
ALTER TABLE `t` ADD UNIQUE KEY `uq_t_b` (`b`);
