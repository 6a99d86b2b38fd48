package io.aitrader.api.instrument;

import java.util.List;
import java.util.Optional;

/**
 * The Instrument service: finds instruments by symbol, Groww symbol or exchange token, and searches them.
 *
 * <p>Embedded default: an in-memory repository loaded from a Groww-format instrument CSV (sdk-core bundles a
 * small NSE master). Implementations are thread-safe; lookups never return null.
 */
public interface InstrumentRepository {

  /** The instrument with this trading symbol on this exchange, e.g. {@code (NSE, "RELIANCE")}. */
  Optional<Instrument> find(Exchange exchange, String tradingSymbol);

  /** The instrument with this {@link Instrument#id()}, e.g. {@code "NSE:RELIANCE"}. */
  Optional<Instrument> findById(String id);

  /** The instrument with this Groww symbol, e.g. {@code "NSE-RELIANCE"}. */
  Optional<Instrument> findByGrowwSymbol(String growwSymbol);

  /** The instrument with this exchange token (the live feed's key). */
  Optional<Instrument> findByExchangeToken(Exchange exchange, String exchangeToken);

  /**
   * Instruments whose trading symbol or name starts with {@code prefix} (case-insensitive), exact symbol matches
   * first, then by symbol; at most {@code limit}.
   */
  List<Instrument> search(String prefix, int limit);

  /** Every instrument, in a stable order. */
  List<Instrument> all();
}
