package io.aitrader.connector.postgres;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Maps instruments to COPY CSV rows of the {@code instruments} table and result rows back. Stateless. */
final class InstrumentRows {
  static final String COLUMNS = "id, ord, exchange, exchange_rank, segment, instrument_type, trading_symbol,"
      + " exchange_token, groww_symbol, name, isin, underlying, expiry, strike_units, lot_size, tick_size_units,"
      + " freeze_quantity";

  private InstrumentRows() {}

  /** Appends one CSV line for COPY: text always quoted, NULL as an unquoted empty field. */
  static void appendCsv(StringBuilder b, Instrument i, int ord) {
    text(b, i.id()).append(',').append(ord).append(',');
    text(b, i.exchange().name()).append(',').append(i.exchange().ordinal()).append(',');
    text(b, i.segment().name()).append(',');
    text(b, i.type().name()).append(',');
    text(b, i.tradingSymbol()).append(',');
    text(b, i.exchangeToken()).append(',');
    text(b, i.growwSymbol()).append(',');
    text(b, i.name()).append(',');
    text(b, i.isin().orElse(null)).append(',');
    text(b, i.underlying().orElse(null)).append(',');
    b.append(i.expiry().map(LocalDate::toString).orElse("")).append(',');
    b.append(i.strike().map(p -> Long.toString(p.units())).orElse("")).append(',');
    b.append(i.lotSize()).append(',').append(i.tickSize().units()).append(',');
    b.append(i.freezeQuantity().isPresent() ? i.freezeQuantity().getAsInt() : 0).append('\n');
  }

  private static StringBuilder text(StringBuilder b, @Nullable String s) {
    if (s == null) {
      return b;
    }
    b.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    return b.append('"');
  }

  /** The instrument of the current row (selected with {@code SELECT *}). */
  static Instrument read(ResultSet rs) throws SQLException {
    Instrument.Builder b = Instrument.builder().exchange(Exchange.valueOf(rs.getString("exchange")))
        .segment(Segment.valueOf(rs.getString("segment"))).type(InstrumentType.valueOf(rs.getString("instrument_type")))
        .tradingSymbol(rs.getString("trading_symbol")).exchangeToken(rs.getString("exchange_token"))
        .growwSymbol(rs.getString("groww_symbol")).name(rs.getString("name"))
        .lotSize(rs.getInt("lot_size")).tickSize(Price.ofUnits(rs.getLong("tick_size_units")))
        .freezeQuantity(rs.getInt("freeze_quantity"));
    String isin = rs.getString("isin");
    if (isin != null) {
      b.isin(isin);
    }
    String underlying = rs.getString("underlying");
    if (underlying != null) {
      b.underlying(underlying);
    }
    LocalDate expiry = rs.getObject("expiry", LocalDate.class);
    if (expiry != null) {
      b.expiry(expiry);
    }
    long strike = rs.getLong("strike_units");
    if (!rs.wasNull()) {
      b.strike(Price.ofUnits(strike));
    }
    return b.build();
  }
}
