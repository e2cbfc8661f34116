-- drop_tables on sqlite: upgrade
-- drop_table review [DESTRUCTIVE]
DROP TABLE "review";
-- drop_table book [DESTRUCTIVE]
DROP TABLE "book";
-- drop_table author [DESTRUCTIVE]
DROP TABLE "author";
-- drop_tables on sqlite: downgrade
-- create_table author
CREATE TABLE "author" (
  "id" INTEGER NOT NULL,
  CONSTRAINT "pk_author" PRIMARY KEY ("id")
);
-- create_table book
CREATE TABLE "book" (
  "id" INTEGER NOT NULL,
  "author_id" INTEGER NOT NULL,
  CONSTRAINT "pk_book" PRIMARY KEY ("id"),
  CONSTRAINT "fk_book_author_id_author" FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE
);
-- create_table review
CREATE TABLE "review" (
  "id" INTEGER NOT NULL,
  "book_id" INTEGER,
  "body" TEXT,
  CONSTRAINT "pk_review" PRIMARY KEY ("id"),
  CONSTRAINT "fk_review_book_id_book" FOREIGN KEY ("book_id") REFERENCES "book" ("id")
);
