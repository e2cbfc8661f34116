-- comments on postgresql: upgrade
-- alter_column t.a
COMMENT ON COLUMN "t"."a" IS 'The a';
-- alter_column t.b
COMMENT ON COLUMN "t"."b" IS NULL;
-- alter_table_comment t
COMMENT ON TABLE "t" IS 'New words; it''s';
-- comments on postgresql: downgrade
-- alter_table_comment t
COMMENT ON TABLE "t" IS 'Old words';
-- alter_column t.b
COMMENT ON COLUMN "t"."b" IS 'The b';
-- alter_column t.a
COMMENT ON COLUMN "t"."a" IS NULL;
