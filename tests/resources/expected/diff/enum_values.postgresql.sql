-- enum_values on postgresql: upgrade
-- alter_enum t_status
ALTER TYPE "t_status" ADD VALUE 'archived' AFTER 'published';
-- alter_enum t_kind [DESTRUCTIVE]
ALTER TYPE "t_kind" RENAME TO "t_kind_old";
CREATE TYPE "t_kind" AS ENUM ('a', 'b');
ALTER TABLE "t" ALTER COLUMN "kind" TYPE "t_kind" USING "kind"::text::"t_kind";
DROP TYPE "t_kind_old";
-- enum_values on postgresql: downgrade
-- alter_enum t_kind
ALTER TYPE "t_kind" ADD VALUE 'c' AFTER 'b';
-- alter_enum t_status [DESTRUCTIVE]
ALTER TYPE "t_status" RENAME TO "t_status_old";
CREATE TYPE "t_status" AS ENUM ('draft', 'published');
ALTER TABLE "t" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "t" ALTER COLUMN "status" TYPE "t_status" USING "status"::text::"t_status";
ALTER TABLE "t" ALTER COLUMN "status" SET DEFAULT 'draft';
DROP TYPE "t_status_old";
