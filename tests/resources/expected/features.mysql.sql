CREATE TABLE `category` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(50) NOT NULL,
  `parent_id` INT,
  `sort_order` SMALLINT NOT NULL DEFAULT 0,
  `visibility` ENUM('public','hidden') NOT NULL DEFAULT 'public',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_category_name` (`name`),
  CONSTRAINT `fk_category_parent_id_category` FOREIGN KEY (`parent_id`) REFERENCES `category` (`id`) ON DELETE SET NULL
) COMMENT='Post categories';
CREATE TABLE `author` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `handle` VARCHAR(50) NOT NULL,
  `email` VARCHAR(120) NOT NULL COMMENT 'Login e-mail; unique',
  `active` TINYINT(1) NOT NULL DEFAULT 1,
  `score` DOUBLE DEFAULT 1.5,
  `rating` FLOAT,
  `joined` DATE DEFAULT '2000-01-01',
  `wakes_at` TIME,
  `uid` CHAR(36) NOT NULL,
  `avatar` BLOB,
  `settings` JSON,
  `default_status` ENUM('draft','published','archived') DEFAULT 'draft',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_author_email` (`email`),
  UNIQUE KEY `uq_author_login` (`handle`)
) COMMENT='People who write posts';
CREATE TABLE `post` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(80) NOT NULL,
  `slug` VARCHAR(80) NOT NULL COMMENT 'URL part',
  `body` TEXT NOT NULL,
  `summary` VARCHAR(200) DEFAULT (lower('X')),
  `pub_date` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
  `status` ENUM('draft','published','archived') NOT NULL DEFAULT 'draft',
  `price` DECIMAL(10,2) NOT NULL DEFAULT 0,
  `views` BIGINT NOT NULL DEFAULT 0,
  `category_id` INT NOT NULL,
  `author_id` BIGINT,
  `code` CHAR(8),
  `note` TEXT DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_post_code` (`code`),
  UNIQUE KEY `uq_post_slug_category_id` (`slug`, `category_id`),
  UNIQUE KEY `uq_post_code_author` (`code`, `author_id`),
  KEY `ix_post_title` (`title`),
  KEY `ix_post_category_id_pub_date` (`category_id`, `pub_date`),
  UNIQUE KEY `ix_post_title_status_u` (`title`, `status`),
  CONSTRAINT `ck_post_title_not_empty` CHECK (length(title) > 0),
  CONSTRAINT `post_views_positive` CHECK (views >= 0),
  CONSTRAINT `fk_post_category_id_category` FOREIGN KEY (`category_id`) REFERENCES `category` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `fk_post_author_id_author` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`) ON DELETE RESTRICT
) COMMENT='Blog posts';
CREATE TABLE `tag` (
  `id` INT NOT NULL,
  `label` VARCHAR(40) NOT NULL,
  PRIMARY KEY (`id`)
);
CREATE TABLE `post_tag` (
  `post_id` INT NOT NULL,
  `tag_id` INT NOT NULL,
  `added` DATETIME DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`post_id`, `tag_id`),
  CONSTRAINT `fk_post_tag_post_id_post` FOREIGN KEY (`post_id`) REFERENCES `post` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_post_tag_tag` FOREIGN KEY (`tag_id`) REFERENCES `tag` (`id`) ON DELETE CASCADE
) COMMENT='Tags of a post (composite primary key)';
CREATE TABLE `post_tag_vote` (
  `post_id` INT NOT NULL,
  `tag_id` INT NOT NULL,
  `voter_id` BIGINT NOT NULL,
  `value` SMALLINT NOT NULL DEFAULT 1,
  PRIMARY KEY (`post_id`, `tag_id`, `voter_id`),
  CONSTRAINT `fk_post_tag_vote_voter_id_author` FOREIGN KEY (`voter_id`) REFERENCES `author` (`id`),
  CONSTRAINT `fk_post_tag_vote_post_id_tag_id_post_tag` FOREIGN KEY (`post_id`, `tag_id`) REFERENCES `post_tag` (`post_id`, `tag_id`) ON DELETE CASCADE
) COMMENT='Votes on a tag of a post (composite foreign key)';
