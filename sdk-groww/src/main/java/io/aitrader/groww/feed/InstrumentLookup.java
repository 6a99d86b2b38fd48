package io.aitrader.groww.feed;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the instrument a market-data subject is about, from its (exchange, segment, exchange token). The
 * {@link FeedDecoder} asks once per subject and caches the answer, so implementations need not be fast.
 * Implementations must be thread-safe if shared between decoders.
 *
 * <pre>{@code
 * InstrumentLookup lookup = InstrumentLookup.of(List.of(reliance, nifty));
 * InstrumentLookup fromRepo = InstrumentLookup.of(repository);
 * }</pre>
 */
@FunctionalInterface
public interface InstrumentLookup {

  /** The instrument with this exchange token on this exchange and segment, if known. */
  Optional<Instrument> find(Exchange exchange, Segment segment, String exchangeToken);

  /**
   * A lookup over a fixed set of instruments, keyed by (exchange, segment, exchange token). Index instruments
   * ({@link InstrumentType#IDX}) are also found by their trading symbol, because the docs' index subjects use names
   * such as {@code NIFTY} where the instrument master may hold a numeric token (UNCONFIRMED which one the feed
   * uses). An exchange token wins over a trading symbol.
   */
  static InstrumentLookup of(Collection<Instrument> instruments) {
    Map<String, Instrument> byKey = new HashMap<>();
    for (Instrument i : instruments) {
      if (i.type() == InstrumentType.IDX) {
        byKey.putIfAbsent(key(i.exchange(), i.segment(), i.tradingSymbol()), i);
      }
    }
    for (Instrument i : instruments) {
      byKey.put(key(i.exchange(), i.segment(), i.exchangeToken()), i);
    }
    return (exchange, segment, token) -> Optional.ofNullable(byKey.get(key(exchange, segment, token)));
  }

  /**
   * A lookup backed by a repository's {@link InstrumentRepository#findByExchangeToken} (keeping only the
   * instrument of the asked segment), falling back, for the CASH segment, to an index with that trading symbol.
   */
  static InstrumentLookup of(InstrumentRepository repository) {
    return (exchange, segment, token) -> {
      Optional<Instrument> byToken =
          repository.findByExchangeToken(exchange, token).filter(i -> i.segment() == segment);
      if (byToken.isPresent() || segment != Segment.CASH) {
        return byToken;
      }
      return repository.find(exchange, token).filter(i -> i.type() == InstrumentType.IDX);
    };
  }

  private static String key(Exchange exchange, Segment segment, String token) {
    return exchange.name() + '|' + segment.name() + '|' + token;
  }
}
