-- default_change on postgresql: upgrade
-- alter_column t.a
ALTER TABLE "t" ALTER COLUMN "a" DROP DEFAULT;
ALTER TABLE "t" ALTER COLUMN "a" SET DEFAULT 1;
-- alter_column t.b
ALTER TABLE "t" ALTER COLUMN "b" SET DEFAULT 'it''s';
-- alter_column t.c
ALTER TABLE "t" ALTER COLUMN "c" DROP DEFAULT;
-- alter_column t.d
ALTER TABLE "t" ALTER COLUMN "d" DROP DEFAULT;
ALTER TABLE "t" ALTER COLUMN "d" SET DEFAULT lower('A');
-- default_change on postgresql: downgrade
-- alter_column t.d
ALTER TABLE "t" ALTER COLUMN "d" DROP DEFAULT;
ALTER TABLE "t" ALTER COLUMN "d" SET DEFAULT 'a';
-- alter_column t.c
ALTER TABLE "t" ALTER COLUMN "c" SET DEFAULT CURRENT_TIMESTAMP;
-- alter_column t.b
ALTER TABLE "t" ALTER COLUMN "b" DROP DEFAULT;
-- alter_column t.a
ALTER TABLE "t" ALTER COLUMN "a" DROP DEFAULT;
ALTER TABLE "t" ALTER COLUMN "a" SET DEFAULT 0;
