-- unique on postgresql: upgrade
-- drop_unique t(b)
ALTER TABLE "t" DROP CONSTRAINT "uq_t_b";
-- drop_unique t(a, c)
ALTER TABLE "t" DROP CONSTRAINT "uq_t_a_c";
-- add_unique t(a)
ALTER TABLE "t" ADD CONSTRAINT "uq_t_a" UNIQUE ("a");
-- add_unique t(c, a)
ALTER TABLE "t" ADD CONSTRAINT "uq_t_c_a" UNIQUE ("c", "a");
-- unique on postgresql: downgrade
-- drop_unique t(c, a)
ALTER TABLE "t" DROP CONSTRAINT "uq_t_c_a";
-- drop_unique t(a)
ALTER TABLE "t" DROP CONSTRAINT "uq_t_a";
-- add_unique t(a, c)
ALTER TABLE "t" ADD CONSTRAINT "uq_t_a_c" UNIQUE ("a", "c");
-- add_unique t(b)
ALTER TABLE "t" ADD CONSTRAINT "uq_t_b" UNIQUE ("b");
