package io.aitrader.groww.rest;

import io.aitrader.api.money.Price;

/** Open, high, low and close of the day in rupees, exact, as Groww's quote and OHLC calls give them. */
public record Ohlc(Price open, Price high, Price low, Price close) {
  public Ohlc {
    io.aitrader.api.ValidationException.required(open, "Ohlc.open");
    io.aitrader.api.ValidationException.required(high, "Ohlc.high");
    io.aitrader.api.ValidationException.required(low, "Ohlc.low");
    io.aitrader.api.ValidationException.required(close, "Ohlc.close");
  }
}
