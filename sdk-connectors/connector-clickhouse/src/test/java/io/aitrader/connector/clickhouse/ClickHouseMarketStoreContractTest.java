package io.aitrader.connector.clickhouse;

import io.aitrader.api.market.MarketStore;
import io.aitrader.testing.market.MarketStoreContract;

class ClickHouseMarketStoreContractTest extends MarketStoreContract {
  private ClickHouseConfig config;

  @Override
  protected MarketStore newStore() {
    config = ClickHouseServer.get().freshDatabase();
    return ClickHouseMarketStore.open(ClickHouseConnector.open(config));
  }

  @Override
  protected MarketStore reopen(MarketStore closed) {
    return ClickHouseMarketStore.open(ClickHouseConnector.open(config));
  }

  @Override
  protected boolean durable() {
    return true;
  }
}
