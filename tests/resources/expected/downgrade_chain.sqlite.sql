-- downgrade 1002: posts
BEGIN;
DROP TABLE "posts";
DELETE FROM "strata_history" WHERE "revision" = '1002';
COMMIT;

-- downgrade 1001: email
BEGIN;
ALTER TABLE "users" DROP COLUMN "email";
DELETE FROM "strata_history" WHERE "revision" = '1001';
COMMIT;

-- downgrade 1000: users
BEGIN;
DROP TABLE "users";
DELETE FROM "strata_history" WHERE "revision" = '1000';
COMMIT;
