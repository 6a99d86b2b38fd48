package io.aitrader.groww.rest;

import io.aitrader.api.money.Price;
import java.math.BigDecimal;

/** One level of a quote's order book: price (rupees) and quantity. */
public record DepthLevel(Price price, BigDecimal quantity) {
}
