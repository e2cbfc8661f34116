-- drop_tables on mysql: upgrade
-- drop_table review [DESTRUCTIVE]
DROP TABLE `review`;
-- drop_table book [DESTRUCTIVE]
DROP TABLE `book`;
-- drop_table author [DESTRUCTIVE]
DROP TABLE `author`;
-- drop_tables on mysql: downgrade
-- create_table author
CREATE TABLE `author` (
  `id` INT NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`id`)
);
-- create_table book
CREATE TABLE `book` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `author_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_book_author_id_author` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`) ON DELETE CASCADE
);
-- create_table review
CREATE TABLE `review` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `book_id` INT,
  `body` TEXT,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_review_book_id_book` FOREIGN KEY (`book_id`) REFERENCES `book` (`id`)
);
