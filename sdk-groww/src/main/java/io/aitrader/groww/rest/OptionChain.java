package io.aitrader.groww.rest;

import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An option chain ({@code GET /v1/option-chain/exchange/{exchange}/underlying/{underlying}?expiry_date=}): the
 * underlying's last price and one row per strike, in ascending strike order.
 */
public record OptionChain(Optional<Price> underlyingLtp, List<Strike> strikes) {
  public OptionChain {
    strikes = List.copyOf(strikes);
  }

  /** One strike: its call and put, when Groww listed them. */
  public record Strike(Price strike, Optional<Leg> call, Optional<Leg> put) {
  }

  /** One option of a strike. */
  public record Leg(String tradingSymbol, Optional<Price> ltp, BigDecimal openInterest, BigDecimal volume,
      Optional<Greeks> greeks) {
  }
}
