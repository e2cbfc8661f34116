-- rename on sqlite: upgrade
-- rename table old_posts to posts
ALTER TABLE "old_posts" RENAME TO "posts";
-- rename column posts.old_title to title
ALTER TABLE "posts" RENAME COLUMN "old_title" TO "title";
-- rename on sqlite: downgrade
-- rename column posts.title to old_title
ALTER TABLE "posts" RENAME COLUMN "title" TO "old_title";
-- rename table posts to old_posts
ALTER TABLE "posts" RENAME TO "old_posts";
