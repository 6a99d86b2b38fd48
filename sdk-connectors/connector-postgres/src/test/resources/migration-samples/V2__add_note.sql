ALTER TABLE sample_a ADD COLUMN note text;
