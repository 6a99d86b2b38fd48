CREATE TABLE sample_a (id int PRIMARY KEY);
