-- add_column on postgresql: upgrade
-- add_column t.b
ALTER TABLE "t" ADD COLUMN "b" varchar(40);
-- add_column t.c
ALTER TABLE "t" ADD COLUMN "c" integer NOT NULL DEFAULT 0;
-- add_column t.d
ALTER TABLE "t" ADD COLUMN "d" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- add_column on postgresql: downgrade
-- drop_column t.d [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "d";
-- drop_column t.c [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "c";
-- drop_column t.b [DESTRUCTIVE]
ALTER TABLE "t" DROP COLUMN "b";
