-- fk_action on sqlite: upgrade
-- drop_foreign_key c(p_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id"),
  CONSTRAINT "fk_c_q_id_p" FOREIGN KEY ("q_id") REFERENCES "p" ("id")
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
-- drop_foreign_key c(q_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
-- add_foreign_key c(p_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id"),
  CONSTRAINT "fk_c_p_id_p" FOREIGN KEY ("p_id") REFERENCES "p" ("id") ON DELETE SET NULL
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
-- add_foreign_key c(q_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id"),
  CONSTRAINT "fk_c_p_id_p" FOREIGN KEY ("p_id") REFERENCES "p" ("id") ON DELETE SET NULL,
  CONSTRAINT "fk_c_q_id_p" FOREIGN KEY ("q_id") REFERENCES "p" ("id") ON UPDATE CASCADE
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
-- fk_action on sqlite: downgrade
-- drop_foreign_key c(q_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id"),
  CONSTRAINT "fk_c_p_id_p" FOREIGN KEY ("p_id") REFERENCES "p" ("id") ON DELETE SET NULL
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
-- drop_foreign_key c(p_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id")
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
-- add_foreign_key c(q_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id"),
  CONSTRAINT "fk_c_q_id_p" FOREIGN KEY ("q_id") REFERENCES "p" ("id")
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
-- add_foreign_key c(p_id)
/* strata:save-triggers "c" */;
CREATE TABLE "_strata_new_c" (
  "id" INTEGER NOT NULL,
  "p_id" INTEGER,
  "q_id" INTEGER,
  CONSTRAINT "pk_c" PRIMARY KEY ("id"),
  CONSTRAINT "fk_c_q_id_p" FOREIGN KEY ("q_id") REFERENCES "p" ("id"),
  CONSTRAINT "fk_c_p_id_p" FOREIGN KEY ("p_id") REFERENCES "p" ("id") ON DELETE CASCADE
);
INSERT INTO "_strata_new_c" ("id", "p_id", "q_id") SELECT "id", "p_id", "q_id" FROM "c";
DROP TABLE "c";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_strata_new_c" RENAME TO "c";
PRAGMA legacy_alter_table = OFF;
/* strata:restore-triggers "c" */;
