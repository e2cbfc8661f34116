-- fk_action on postgresql: upgrade
-- drop_foreign_key c(p_id)
ALTER TABLE "c" DROP CONSTRAINT "fk_c_p_id_p";
-- drop_foreign_key c(q_id)
ALTER TABLE "c" DROP CONSTRAINT "fk_c_q_id_p";
-- add_foreign_key c(p_id)
ALTER TABLE "c" ADD CONSTRAINT "fk_c_p_id_p" FOREIGN KEY ("p_id") REFERENCES "p" ("id") ON DELETE SET NULL;
-- add_foreign_key c(q_id)
ALTER TABLE "c" ADD CONSTRAINT "fk_c_q_id_p" FOREIGN KEY ("q_id") REFERENCES "p" ("id") ON UPDATE CASCADE;
-- fk_action on postgresql: downgrade
-- drop_foreign_key c(q_id)
ALTER TABLE "c" DROP CONSTRAINT "fk_c_q_id_p";
-- drop_foreign_key c(p_id)
ALTER TABLE "c" DROP CONSTRAINT "fk_c_p_id_p";
-- add_foreign_key c(q_id)
ALTER TABLE "c" ADD CONSTRAINT "fk_c_q_id_p" FOREIGN KEY ("q_id") REFERENCES "p" ("id");
-- add_foreign_key c(p_id)
ALTER TABLE "c" ADD CONSTRAINT "fk_c_p_id_p" FOREIGN KEY ("p_id") REFERENCES "p" ("id") ON DELETE CASCADE;
