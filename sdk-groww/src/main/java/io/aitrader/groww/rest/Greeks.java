package io.aitrader.groww.rest;

import java.math.BigDecimal;

/** An option's greeks and implied volatility, as Groww computes them (the option chain's {@code greeks} object). */
public record Greeks(BigDecimal delta, BigDecimal gamma, BigDecimal theta, BigDecimal vega, BigDecimal rho,
    BigDecimal iv) {
}
