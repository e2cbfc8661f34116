CREATE TABLE `user` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `username` VARCHAR(80) NOT NULL,
  `email` VARCHAR(120) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_user_username` (`username`),
  UNIQUE KEY `uq_user_email` (`email`)
);
CREATE TABLE `category` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(50) NOT NULL,
  PRIMARY KEY (`id`)
);
CREATE TABLE `post` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(80) NOT NULL,
  `body` TEXT NOT NULL,
  `pub_date` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `category_id` INT NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_post_category_id_category` FOREIGN KEY (`category_id`) REFERENCES `category` (`id`)
);
CREATE TABLE `book` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(250) NOT NULL,
  `author` VARCHAR(250) NOT NULL,
  `genre` VARCHAR(250),
  PRIMARY KEY (`id`)
);
CREATE TABLE `accounts` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `handle` VARCHAR(50) NOT NULL,
  `secret_key` VARCHAR(128),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_accounts_handle` (`handle`)
);
