-- drop_referenced_table on mysql: upgrade
-- drop_foreign_key post(author_id)
ALTER TABLE `post` DROP FOREIGN KEY `fk_post_author_id_author`;
DROP INDEX `fk_post_author_id_author` ON `post`;
-- drop_column post.author_id [DESTRUCTIVE]
ALTER TABLE `post` DROP COLUMN `author_id`;
-- drop_table author [DESTRUCTIVE]
DROP TABLE `author`;
-- drop_referenced_table on mysql: downgrade
-- create_table author
CREATE TABLE `author` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(50),
  PRIMARY KEY (`id`)
);
-- add_column post.author_id
ALTER TABLE `post` ADD COLUMN `author_id` INT;
-- add_foreign_key post(author_id)
ALTER TABLE `post` ADD CONSTRAINT `fk_post_author_id_author` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`);
