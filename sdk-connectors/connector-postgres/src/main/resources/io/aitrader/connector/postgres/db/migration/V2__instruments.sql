-- The instrument master (Groww format), replaced wholesale by each load. Prices are long units of 0.0001 rupee.
CREATE TABLE instruments (
  id              text PRIMARY KEY,
  ord             integer NOT NULL,
  exchange        text NOT NULL,
  exchange_rank   smallint NOT NULL,
  segment         text NOT NULL,
  instrument_type text NOT NULL,
  trading_symbol  text NOT NULL,
  exchange_token  text NOT NULL,
  groww_symbol    text NOT NULL,
  name            text NOT NULL,
  isin            text,
  underlying      text,
  expiry          date,
  strike_units    bigint,
  lot_size        integer NOT NULL,
  tick_size_units bigint NOT NULL,
  freeze_quantity integer NOT NULL
);
CREATE UNIQUE INDEX instruments_upper_id ON instruments (upper(id));
CREATE INDEX instruments_symbol_prefix ON instruments (upper(trading_symbol) text_pattern_ops);
CREATE INDEX instruments_name_prefix ON instruments (upper(name) text_pattern_ops);
CREATE INDEX instruments_groww_symbol ON instruments (upper(groww_symbol));
CREATE INDEX instruments_token ON instruments (exchange, upper(exchange_token));
CREATE INDEX instruments_ord ON instruments (ord);
