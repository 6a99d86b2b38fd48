package io.aitrader.groww.rest;

import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A full quote ({@code GET /v1/live-data/quote}). Prices in rupees, exact; quantities and volumes as decimals (Groww
 * sends numbers); fields Groww left out are empty or zero.
 *
 * @param lastPrice           {@code last_price}
 * @param lastTradeTimeMillis {@code last_trade_time} (epoch ms)
 * @param lastTradeQuantity   {@code last_trade_quantity}
 * @param ohlc                {@code ohlc} (object or Groww's string form)
 * @param dayChange           {@code day_change}
 * @param dayChangePercent    {@code day_change_perc}
 * @param averagePrice        {@code average_price}
 * @param volume              {@code volume}
 * @param bidPrice            {@code bid_price}
 * @param bidQuantity         {@code bid_quantity}
 * @param offerPrice          {@code offer_price}
 * @param offerQuantity       {@code offer_quantity}
 * @param totalBuyQuantity    {@code total_buy_quantity}
 * @param totalSellQuantity   {@code total_sell_quantity}
 * @param upperCircuit        {@code upper_circuit_limit}
 * @param lowerCircuit        {@code lower_circuit_limit}
 * @param week52High          {@code week_52_high}
 * @param week52Low           {@code week_52_low}
 * @param openInterest        {@code open_interest}
 * @param impliedVolatility   {@code implied_volatility}
 * @param buyDepth            {@code depth.buy}
 * @param sellDepth           {@code depth.sell}
 */
public record GrowwQuote(Optional<Price> lastPrice, Optional<Long> lastTradeTimeMillis, BigDecimal lastTradeQuantity,
    Optional<Ohlc> ohlc, BigDecimal dayChange, BigDecimal dayChangePercent, Optional<Price> averagePrice,
    BigDecimal volume, Optional<Price> bidPrice, BigDecimal bidQuantity, Optional<Price> offerPrice,
    BigDecimal offerQuantity, BigDecimal totalBuyQuantity, BigDecimal totalSellQuantity, Optional<Price> upperCircuit,
    Optional<Price> lowerCircuit, Optional<Price> week52High, Optional<Price> week52Low, BigDecimal openInterest,
    Optional<BigDecimal> impliedVolatility, List<DepthLevel> buyDepth, List<DepthLevel> sellDepth) {
  public GrowwQuote {
    buyDepth = List.copyOf(buyDepth);
    sellDepth = List.copyOf(sellDepth);
  }
}
