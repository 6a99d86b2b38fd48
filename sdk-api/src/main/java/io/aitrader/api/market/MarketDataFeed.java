package io.aitrader.api.market;

import io.aitrader.api.instrument.Instrument;
import java.util.Collection;

/**
 * A source of market data: Groww's live feed, a replay of recorded data, or the synthetic market. Only the feed
 * differs between live, paper and backtest runs; everything downstream is the same code.
 *
 * <pre>{@code
 * try (MarketDataFeed feed = ...) {
 *   feed.subscribe(List.of(reliance, tcs));
 *   feed.run(ingestor::onQuote);   // returns when the replay ends or close() is called
 * }
 * }</pre>
 *
 * <p>Threading: {@link #run} delivers every quote on the calling thread, in the feed's order; {@link #close()}
 * may be called from any thread and makes {@code run} return.
 */
public interface MarketDataFeed extends AutoCloseable {

  /** A short name for logs and configuration, e.g. {@code synthetic}, {@code replay}, {@code groww}. */
  String name();

  /**
   * Adds instruments to receive quotes for; before or during {@link #run}. A live feed delivers only subscribed
   * instruments. A finite feed (replay, synthetic) delivers every instrument it holds until the first call, and
   * only the subscribed ones after it. An instrument the feed cannot serve fails with a clear
   * {@link io.aitrader.api.NotFoundException}.
   */
  void subscribe(Collection<Instrument> instruments);

  /** Delivers quotes to {@code listener} until the data ends (finite feeds) or {@link #close()} is called. */
  void run(QuoteListener listener);

  /**
   * The event time (epoch ms) before which this feed has delivered every quote it will deliver: no later quote is
   * older. The market ingestor never moves the session's watermark beyond it, so quotes a live feed delivers late
   * on purpose — minutes rebuilt after an outage or a silence — still make their bars instead of arriving behind
   * the watermark. Called from a {@link QuoteListener} on the {@link #run} thread; must be cheap. The default,
   * {@link Long#MAX_VALUE}, says quotes come in time order with nothing held back (replays, the synthetic market).
   */
  default long completeBeforeMillis() {
    return Long.MAX_VALUE;
  }

  /** Stops delivery and releases resources. Idempotent. */
  @Override
  void close();
}
