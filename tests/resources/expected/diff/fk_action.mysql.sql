-- fk_action on mysql: upgrade
-- drop_foreign_key c(p_id)
ALTER TABLE `c` DROP FOREIGN KEY `fk_c_p_id_p`;
DROP INDEX `fk_c_p_id_p` ON `c`;
-- drop_foreign_key c(q_id)
ALTER TABLE `c` DROP FOREIGN KEY `fk_c_q_id_p`;
DROP INDEX `fk_c_q_id_p` ON `c`;
-- add_foreign_key c(p_id)
ALTER TABLE `c` ADD CONSTRAINT `fk_c_p_id_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`) ON DELETE SET NULL;
-- add_foreign_key c(q_id)
ALTER TABLE `c` ADD CONSTRAINT `fk_c_q_id_p` FOREIGN KEY (`q_id`) REFERENCES `p` (`id`) ON UPDATE CASCADE;
-- fk_action on mysql: downgrade
-- drop_foreign_key c(q_id)
ALTER TABLE `c` DROP FOREIGN KEY `fk_c_q_id_p`;
DROP INDEX `fk_c_q_id_p` ON `c`;
-- drop_foreign_key c(p_id)
ALTER TABLE `c` DROP FOREIGN KEY `fk_c_p_id_p`;
DROP INDEX `fk_c_p_id_p` ON `c`;
-- add_foreign_key c(q_id)
ALTER TABLE `c` ADD CONSTRAINT `fk_c_q_id_p` FOREIGN KEY (`q_id`) REFERENCES `p` (`id`);
-- add_foreign_key c(p_id)
ALTER TABLE `c` ADD CONSTRAINT `fk_c_p_id_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`) ON DELETE CASCADE;
