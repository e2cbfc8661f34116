-- strata tracking table, version 1
CREATE TABLE `strata_history` (
  `revision` VARCHAR(64) NOT NULL,
  `message` TEXT,
  `checksum` VARCHAR(80) NOT NULL,
  `state` VARCHAR(16) NOT NULL,
  `applied_at` VARCHAR(32) NOT NULL,
  `execution_ms` BIGINT NOT NULL,
  `applied_by` VARCHAR(255),
  `git_commit` VARCHAR(64),
  `git_dirty` TINYINT(1),
  `strata_version` VARCHAR(32),
  `statements_done` INT NOT NULL,
  `statements_total` INT NOT NULL,
  `error` TEXT,
  `failed_statement` TEXT,
  PRIMARY KEY (`revision`)
);
CREATE TABLE `strata_history_meta` (
  `key` VARCHAR(64) NOT NULL,
  `value` VARCHAR(255),
  PRIMARY KEY (`key`)
);
INSERT INTO `strata_history_meta` (`key`, `value`) VALUES ('version', '1');

-- upgrade 1000: users
INSERT INTO `strata_history` (`revision`, `message`, `checksum`, `state`, `applied_at`, `execution_ms`, `applied_by`, `git_commit`, `git_dirty`, `strata_version`, `statements_done`, `statements_total`, `error`, `failed_statement`) VALUES ('1000', 'users', 'sha256:fe8b59665b114440dd94b3ebd6e8a03c83defc7328c45d4f4ab8f37ce52fdfb4', 'running', CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), 0, NULL, NULL, NULL, '0.1.0', 0, 1, NULL, NULL);
CREATE TABLE `users` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(40) NOT NULL,
  PRIMARY KEY (`id`)
);
UPDATE `strata_history` SET `state` = 'applied', `checksum` = 'sha256:fe8b59665b114440dd94b3ebd6e8a03c83defc7328c45d4f4ab8f37ce52fdfb4', `message` = 'users', `applied_at` = CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), `execution_ms` = 0, `statements_done` = 1, `statements_total` = 1, `error` = NULL, `failed_statement` = NULL WHERE `revision` = '1000';

-- upgrade 1001: email
INSERT INTO `strata_history` (`revision`, `message`, `checksum`, `state`, `applied_at`, `execution_ms`, `applied_by`, `git_commit`, `git_dirty`, `strata_version`, `statements_done`, `statements_total`, `error`, `failed_statement`) VALUES ('1001', 'email', 'sha256:6e8372b34d98a440a2ee2195163143a73ec09f2e1ab2970029f84693bbfdec04', 'running', CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), 0, NULL, NULL, NULL, '0.1.0', 0, 1, NULL, NULL);
ALTER TABLE `users` ADD COLUMN `email` VARCHAR(120);
UPDATE `strata_history` SET `state` = 'applied', `checksum` = 'sha256:6e8372b34d98a440a2ee2195163143a73ec09f2e1ab2970029f84693bbfdec04', `message` = 'email', `applied_at` = CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), `execution_ms` = 0, `statements_done` = 1, `statements_total` = 1, `error` = NULL, `failed_statement` = NULL WHERE `revision` = '1001';

-- upgrade 1002: posts
INSERT INTO `strata_history` (`revision`, `message`, `checksum`, `state`, `applied_at`, `execution_ms`, `applied_by`, `git_commit`, `git_dirty`, `strata_version`, `statements_done`, `statements_total`, `error`, `failed_statement`) VALUES ('1002', 'posts', 'sha256:31bb2742b9c92cd135702d2ab5aa8d41ece2f1707fccbe590d9cdc0609c289e6', 'running', CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), 0, NULL, NULL, NULL, '0.1.0', 0, 1, NULL, NULL);
CREATE TABLE `posts` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `user_id` INT NOT NULL,
  `title` VARCHAR(80) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_posts_title` (`title`),
  CONSTRAINT `fk_posts_user_id_users` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);
UPDATE `strata_history` SET `state` = 'applied', `checksum` = 'sha256:31bb2742b9c92cd135702d2ab5aa8d41ece2f1707fccbe590d9cdc0609c289e6', `message` = 'posts', `applied_at` = CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), `execution_ms` = 0, `statements_done` = 1, `statements_total` = 1, `error` = NULL, `failed_statement` = NULL WHERE `revision` = '1002';
