-- downgrade 1002: posts
UPDATE `strata_history` SET `state` = 'reverting', `checksum` = 'sha256:31bb2742b9c92cd135702d2ab5aa8d41ece2f1707fccbe590d9cdc0609c289e6', `message` = 'posts', `applied_at` = CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), `execution_ms` = 0, `statements_done` = 0, `statements_total` = 1, `error` = NULL, `failed_statement` = NULL WHERE `revision` = '1002';
DROP TABLE `posts`;
DELETE FROM `strata_history` WHERE `revision` = '1002';

-- downgrade 1001: email
UPDATE `strata_history` SET `state` = 'reverting', `checksum` = 'sha256:6e8372b34d98a440a2ee2195163143a73ec09f2e1ab2970029f84693bbfdec04', `message` = 'email', `applied_at` = CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), `execution_ms` = 0, `statements_done` = 0, `statements_total` = 1, `error` = NULL, `failed_statement` = NULL WHERE `revision` = '1001';
ALTER TABLE `users` DROP COLUMN `email`;
DELETE FROM `strata_history` WHERE `revision` = '1001';

-- downgrade 1000: users
UPDATE `strata_history` SET `state` = 'reverting', `checksum` = 'sha256:fe8b59665b114440dd94b3ebd6e8a03c83defc7328c45d4f4ab8f37ce52fdfb4', `message` = 'users', `applied_at` = CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z'), `execution_ms` = 0, `statements_done` = 0, `statements_total` = 1, `error` = NULL, `failed_statement` = NULL WHERE `revision` = '1000';
DROP TABLE `users`;
DELETE FROM `strata_history` WHERE `revision` = '1000';
