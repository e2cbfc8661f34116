-- checks on postgresql: upgrade
-- drop_check t.ck_t_qty_positive
ALTER TABLE "t" DROP CONSTRAINT "ck_t_qty_positive";
-- drop_check t.ck_t_price_set
ALTER TABLE "t" DROP CONSTRAINT "ck_t_price_set";
-- add_check t.ck_t_qty_positive
ALTER TABLE "t" ADD CONSTRAINT "ck_t_qty_positive" CHECK (qty >= 0);
-- add_check t.ck_t_price_cap
ALTER TABLE "t" ADD CONSTRAINT "ck_t_price_cap" CHECK (price < 1000);
-- checks on postgresql: downgrade
-- drop_check t.ck_t_price_cap
ALTER TABLE "t" DROP CONSTRAINT "ck_t_price_cap";
-- drop_check t.ck_t_qty_positive
ALTER TABLE "t" DROP CONSTRAINT "ck_t_qty_positive";
-- add_check t.ck_t_price_set
ALTER TABLE "t" ADD CONSTRAINT "ck_t_price_set" CHECK (price IS NOT NULL);
-- add_check t.ck_t_qty_positive
ALTER TABLE "t" ADD CONSTRAINT "ck_t_qty_positive" CHECK (qty > 0);
