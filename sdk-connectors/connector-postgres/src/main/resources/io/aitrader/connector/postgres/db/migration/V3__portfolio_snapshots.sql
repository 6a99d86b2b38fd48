-- Portfolio snapshots: the text of DefaultPortfolioService.saveState() per portfolio name, with its time.
CREATE TABLE portfolio_snapshots (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  portfolio        text NOT NULL,
  taken_at_millis  bigint NOT NULL,
  state            text NOT NULL
);
CREATE INDEX portfolio_snapshots_latest ON portfolio_snapshots (portfolio, taken_at_millis DESC, id DESC);
