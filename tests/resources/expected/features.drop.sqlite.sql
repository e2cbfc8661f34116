DROP TABLE "post_tag_vote";
DROP TABLE "post_tag";
DROP TABLE "tag";
DROP TABLE "post";
DROP TABLE "author";
DROP TABLE "category";
