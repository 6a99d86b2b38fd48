INSERT INTO sample_a (id, note) VALUES (10, $$ten; with a semicolon$$);
CREATE TABLE sample_b (id int);
