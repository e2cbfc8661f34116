-- drop_column on postgresql: upgrade
-- drop_column t.b [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "b";
-- drop_column t.c [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "c";
-- drop_column on postgresql: downgrade
-- add_column t.c
ALTER TABLE "t" ADD COLUMN "c" text;
-- add_column t.b
ALTER TABLE "t" ADD COLUMN "b" integer NOT NULL DEFAULT 7;
