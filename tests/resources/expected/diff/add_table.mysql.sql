-- add_table on mysql: upgrade
-- create_table category
CREATE TABLE `category` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(50) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_category_name` (`name`)
);
-- create_table post
CREATE TABLE `post` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(80) NOT NULL,
  `author_id` INT NOT NULL,
  `category_id` INT,
  PRIMARY KEY (`id`),
  KEY `ix_post_title` (`title`),
  CONSTRAINT `fk_post_author_id_author` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`),
  CONSTRAINT `fk_post_category_id_category` FOREIGN KEY (`category_id`) REFERENCES `category` (`id`) ON DELETE SET NULL
);
-- add_table on mysql: downgrade
-- drop_table post [DESTRUCTIVE]
DROP TABLE `post`;
-- drop_table category [DESTRUCTIVE]
DROP TABLE `category`;
