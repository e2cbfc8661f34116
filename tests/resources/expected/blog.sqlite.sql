CREATE TABLE "user" (
  "id" INTEGER NOT NULL,
  "username" VARCHAR(80) NOT NULL,
  "email" VARCHAR(120) NOT NULL,
  CONSTRAINT "pk_user" PRIMARY KEY ("id"),
  CONSTRAINT "uq_user_username" UNIQUE ("username"),
  CONSTRAINT "uq_user_email" UNIQUE ("email")
);
CREATE TABLE "category" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(50) NOT NULL,
  CONSTRAINT "pk_category" PRIMARY KEY ("id")
);
CREATE TABLE "post" (
  "id" INTEGER NOT NULL,
  "title" VARCHAR(80) NOT NULL,
  "body" TEXT NOT NULL,
  "pub_date" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "category_id" INTEGER NOT NULL,
  CONSTRAINT "pk_post" PRIMARY KEY ("id"),
  CONSTRAINT "fk_post_category_id_category" FOREIGN KEY ("category_id") REFERENCES "category" ("id")
);
CREATE TABLE "book" (
  "id" INTEGER NOT NULL,
  "title" VARCHAR(250) NOT NULL,
  "author" VARCHAR(250) NOT NULL,
  "genre" VARCHAR(250),
  CONSTRAINT "pk_book" PRIMARY KEY ("id")
);
CREATE TABLE "accounts" (
  "id" INTEGER NOT NULL,
  "handle" VARCHAR(50) NOT NULL,
  "secret_key" VARCHAR(128),
  CONSTRAINT "pk_accounts" PRIMARY KEY ("id"),
  CONSTRAINT "uq_accounts_handle" UNIQUE ("handle")
);
