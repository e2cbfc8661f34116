-- indexes on postgresql: upgrade
-- drop_index t(b)
DROP INDEX "ix_t_b";
-- drop_index t.ix_old_name
DROP INDEX "ix_old_name";
-- create_index t(a)
CREATE INDEX "ix_t_a" ON "t" ("a");
-- create_index t(a, b)
CREATE UNIQUE INDEX "ix_t_a_b" ON "t" ("a", "b");
-- create_index t.ix_new_name
CREATE INDEX "ix_new_name" ON "t" ("c");
-- indexes on postgresql: downgrade
-- drop_index t.ix_new_name
DROP INDEX "ix_new_name";
-- drop_index t(a, b)
DROP INDEX "ix_t_a_b";
-- drop_index t(a)
DROP INDEX "ix_t_a";
-- create_index t.ix_old_name
CREATE INDEX "ix_old_name" ON "t" ("c");
-- create_index t(b)
CREATE INDEX "ix_t_b" ON "t" ("b");
