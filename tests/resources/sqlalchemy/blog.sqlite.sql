-- SQLAlchemy 2.x create_all of the seeds' models on SQLite, as it echoes
-- it (README.md): names left to the database, Post.pub_date with
-- server_default=func.now(). Loaded by tests/cli/db_sqlalchemy.sh.

CREATE TABLE accounts (
	id INTEGER NOT NULL, 
	handle VARCHAR(50) NOT NULL, 
	secret_key VARCHAR(128), 
	PRIMARY KEY (id), 
	UNIQUE (handle)
);

CREATE TABLE book (
	id INTEGER NOT NULL, 
	title VARCHAR(250) NOT NULL, 
	author VARCHAR(250) NOT NULL, 
	genre VARCHAR(250), 
	PRIMARY KEY (id)
);

CREATE TABLE category (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE post (
	id INTEGER NOT NULL, 
	title VARCHAR(80) NOT NULL, 
	body TEXT NOT NULL, 
	pub_date DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	category_id INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(category_id) REFERENCES category (id)
);

CREATE TABLE user (
	id INTEGER NOT NULL, 
	username VARCHAR(80) NOT NULL, 
	email VARCHAR(120) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (username), 
	UNIQUE (email)
);
