DROP TABLE "accounts";
DROP TABLE "book";
DROP TABLE "post";
DROP TABLE "category";
DROP TABLE "user";
