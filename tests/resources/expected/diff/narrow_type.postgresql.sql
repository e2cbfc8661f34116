-- narrow_type on postgresql: upgrade
-- alter_column t.a [DESTRUCTIVE]
ALTER TABLE "t" ALTER COLUMN "a" TYPE varchar(50) USING "a"::varchar(50);
-- alter_column t.b [DESTRUCTIVE]
ALTER TABLE "t" ALTER COLUMN "b" TYPE integer USING "b"::integer;
-- alter_column t.c [DESTRUCTIVE]
ALTER TABLE "t" ALTER COLUMN "c" TYPE numeric(10,2) USING "c"::numeric(10,2);
-- alter_column t.d [DESTRUCTIVE]
ALTER TABLE "t" ALTER COLUMN "d" TYPE varchar(20) USING "d"::varchar(20);
-- narrow_type on postgresql: downgrade
-- alter_column t.d
ALTER TABLE "t" ALTER COLUMN "d" TYPE text USING "d"::text;
-- alter_column t.c
ALTER TABLE "t" ALTER COLUMN "c" TYPE numeric(12,2) USING "c"::numeric(12,2);
-- alter_column t.b
ALTER TABLE "t" ALTER COLUMN "b" TYPE bigint USING "b"::bigint;
-- alter_column t.a
ALTER TABLE "t" ALTER COLUMN "a" TYPE varchar(100) USING "a"::varchar(100);
