-- nullability on postgresql: upgrade
-- alter_column t.a
ALTER TABLE "t" ALTER COLUMN "a" SET NOT NULL;
-- alter_column t.b
ALTER TABLE "t" ALTER COLUMN "b" DROP NOT NULL;
-- nullability on postgresql: downgrade
-- alter_column t.b
ALTER TABLE "t" ALTER COLUMN "b" SET NOT NULL;
-- alter_column t.a
ALTER TABLE "t" ALTER COLUMN "a" DROP NOT NULL;
