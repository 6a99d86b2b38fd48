package io.aitrader.core.backtest;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.SdkVersion;
import io.aitrader.api.ValidationException;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.execution.ExecutionSummary;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.features.DefaultFeatureService;
import io.aitrader.core.features.StandardIndicators;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.paper.FillMode;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.signals.DefaultSignalService;
import io.aitrader.core.strategy.StrategyHost;
import io.aitrader.core.time.ManualTimeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backtest engine: runs one {@link BacktestConfig} through the same services as paper and live trading and
 * returns what happened ({@link BacktestRun}).
 *
 * <p><b>The loop.</b> One thread, one in-process bus with synchronous delivery, a {@link ManualTimeSource}. For each
 * trading session of the calendar between the dates: the account and the strategy are told the session started;
 * the session's bars of every instrument are merged by open time (same-time bars in the configured instrument order);
 * for each time slot the clock is set to the bars' close time and each bar is published on
 * {@code market.candles.<interval>}, where the execution tier (paper fills, marks, risk and the MIS square-off), the
 * Feature service (then the Signal service) and the strategy host receive it, in that order; after the slot the
 * account is sampled into the equity series. Then the strategy and the account are told the session ended (DAY
 * orders expire).
 *
 * <p><b>No look-ahead, by construction.</b> A bar is published only once the clock has reached its close, so a
 * strategy never sees a partial bar or a later one; an order the strategy submits while handling a bar is placed at
 * that close time and the paper broker (in bar mode) fills it no earlier than the next bar of that instrument, at its
 * open (market orders, plus slippage) or through its range (limits and stops).
 *
 * <p><b>Reproducible.</b> Nothing reads the wall clock or shared mutable state; every bar fed is hashed into the
 * run's {@link RunFingerprint}. The same configuration over the same data gives an identical {@link BacktestRun}.
 *
 * <pre>{@code
 * BacktestRun run = Backtest.run(config);
 * BacktestResult result = BacktestResult.of(run);
 * }</pre>
 *
 * <p>Thread-safe in the sense that independent runs may go on different threads at once (each builds its own
 * services); one run uses only the calling thread.
 */
public final class Backtest {

  /** Told after each session; for progress displays. */
  @FunctionalInterface
  public interface Progress {
    void sessionDone(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  private Backtest() {}

  /** Runs {@code config}. */
  public static BacktestRun run(BacktestConfig config) {
    return run(config, Progress.NONE);
  }

  /**
   * Runs {@code config}, telling {@code progress} after every session.
   *
   * @throws NotFoundException   when an instrument has no bars at all in the range (naming it, the dates and the data)
   * @throws ValidationException when the data breaks the rules (a bar of another instrument or interval, outside
   *                             its session, out of order, or incomplete), naming the bar
   */
  public static BacktestRun run(BacktestConfig config, Progress progress) {
    return new Run(config).execute(progress);
  }

  /** One run's services and state. */
  private static final class Run {
    private final BacktestConfig config;
    private final List<Instrument> instruments;
    private final BarInterval interval;
    private final ManualTimeSource clock;
    private final InProcessEventBus bus = InProcessEventBus.create();
    private final Strategy strategy;
    private final String modelVersion;
    private final ExecutionTier tier;
    private final StrategyHost host;
    private final List<ChargedFill> fills = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final BarDigest digest;
    private final long[] barCounts;
    private final List<TradingSession> sessions;
    private final List<List<java.time.LocalDate>> missing;
    private final EquitySeries.Builder equity;
    private final Topic<Bar> topic;

    Run(BacktestConfig config) {
      this.config = config;
      this.instruments = config.instruments();
      this.interval = config.interval();
      this.sessions = config.sessions();
      this.clock = new ManualTimeSource(sessions.get(0).preOpenStartMillis());
      this.strategy = config.strategy().create(config.parameters(), instruments, interval);
      this.modelVersion = config.strategy().modelVersion(strategy);
      this.topic = Topics.bars(interval);

      DefaultFeatureService features = new DefaultFeatureService(StandardIndicators.catalog());
      features.define(strategy.features());
      DefaultSignalService signals = null;
      if (!features.featureNames().isEmpty()) {
        signals = DefaultSignalService.builder().featureNames(features.featureNames()).eventBus(bus).build();
        config.strategy().wire(strategy, signals);
        features.subscribe(signals::onFeatures);
      }

      this.tier = ExecutionTier.builder().timeSource(clock).eventBus(bus).startingCash(config.startingCash())
          .paperBroker(PaperBroker.builder().fillMode(FillMode.BAR).slippage(config.slippage())
              .maxVolumeShare(config.maxVolumeShare()))
          .priceBands(config.priceBands())
          .charges(config.newChargesModel())
          .risk(config.risk())
          .build();
      tier.addListener(new ExecutionTier.TierListener() {
        @Override
        public void afterFill(Fill fill, Charges charges) {
          fills.add(new ChargedFill(fill, charges));
        }
      });
      // order matters: fills of orders placed earlier happen at this bar's open, before its close is marked and
      // before the strategy sees the bar; features are ready before the strategy asks for them
      bus.subscribe(topic, tier::onBar, SubscriptionOptions.SYNCHRONOUS);
      bus.subscribe(topic, features::onBar, SubscriptionOptions.SYNCHRONOUS);
      StrategyHost.Builder hb = StrategyHost.builder(strategy).bus(bus)
          .instruments(InMemoryInstrumentRepository.of(instruments)).calendar(config.calendar()).features(features)
          .orders(tier.orderService()).portfolio(tier.portfolio());
      if (signals != null) {
        hb.signals(signals);
      }
      this.host = hb.build();

      this.digest = new BarDigest(instruments, interval);
      this.barCounts = new long[instruments.size()];
      this.missing = new ArrayList<>();
      for (int k = 0; k < instruments.size(); k++) {
        missing.add(new ArrayList<>());
      }
      this.equity = EquitySeries.builder(sessions.size() * slotsPerSession(sessions.get(0), interval));
    }

    BacktestRun execute(Progress progress) {
      host.start();
      int n = instruments.size();
      SessionBars[] day = new SessionBars[n];
      for (int k = 0; k < n; k++) {
        day[k] = new SessionBars();
      }
      for (int s = 0; s < sessions.size(); s++) {
        TradingSession session = sessions.get(s);
        clock.set(Math.max(clock.currentTimeMillis(), session.openMillis()));
        tier.sessionStarted(session);
        host.sessionStarted(session);
        for (int k = 0; k < n; k++) {
          load(k, session, day[k]);
        }
        runSession(day);
        clock.set(Math.max(clock.currentTimeMillis(), session.closeMillis()));
        host.sessionEnded(session);
        tier.sessionEnded(session);
        checkIntradayLeftOpen(session);
        progress.sessionDone(s + 1, sessions.size());
      }
      host.close();
      return finish();
    }

    /**
     * Merges the session's bars by open time and publishes them slot by slot. One pass per slot: publishing the
     * slot's bars also finds the next slot's open time (the smallest open time at the cursors afterwards).
     */
    private void runSession(SessionBars[] day) {
      int n = day.length;
      long next = Long.MAX_VALUE;
      for (int k = 0; k < n; k++) {
        next = Math.min(next, day[k].openTime());
      }
      while (next != Long.MAX_VALUE) {
        long close = Long.MIN_VALUE;
        long following = Long.MAX_VALUE;
        for (int k = 0; k < n; k++) {
          SessionBars d = day[k];
          long open = d.openTime();
          if (open == next) {
            Bar bar = d.bars[d.cursor];
            long barClose = bar.closeTimeMillis();
            if (barClose > clock.currentTimeMillis()) {
              clock.set(barClose);
            }
            close = Math.max(close, barClose);
            digest.add(k, bar);
            barCounts[k]++;
            bus.publish(topic, bar);
            d.cursor++;
            open = d.openTime();
          }
          following = Math.min(following, open);
        }
        if (close > equity.lastTimeMillis()) {
          equity.add(close, tier.portfolio().equity().units(), tier.grossExposureUnits());
        }
        next = following;
      }
    }

    /** The session's bars of instrument {@code k}, checked: right instrument and interval, inside, ordered, complete; copied into {@code into}. */
    private void load(int k, TradingSession session, SessionBars into) {
      Instrument instrument = instruments.get(k);
      List<Bar> bars = config.data().bars(instrument, interval, session);
      long previous = Long.MIN_VALUE;
      int size = bars.size();
      into.reset(size);
      for (int i = 0; i < size; i++) {
        Bar b = bars.get(i);
        String problem = null;
        if (!b.instrument().equals(instrument)) {
          problem = "is of " + b.instrument().id();
        } else if (b.interval() != interval) {
          problem = "is a " + b.interval().label() + " bar";
        } else if (b.openTimeMillis() < session.openMillis() || b.openTimeMillis() >= session.closeMillis()) {
          problem = "opens outside the session " + Ist.at(session.openMillis()).toLocalTime() + "–"
              + Ist.at(session.closeMillis()).toLocalTime();
        } else if (b.openTimeMillis() <= previous) {
          problem = "is out of order or repeated";
        } else if (!b.complete()) {
          problem = "is not complete";
        }
        if (problem != null) {
          throw new ValidationException("backtest.data", "bad data in " + config.data().description() + ": the "
              + interval.label() + " bar of " + instrument.id() + " opening " + Ist.at(b.openTimeMillis())
              + " " + problem);
        }
        previous = b.openTimeMillis();
        into.bars[i] = b;
        into.openTimes[i] = previous;
      }
      if (bars.isEmpty()) {
        missing.get(k).add(session.date());
      }
    }

    private void checkIntradayLeftOpen(TradingSession session) {
      for (Position p : tier.portfolio().snapshot().positions()) {
        if (p.product() == Product.MIS && p.netQuantity() != 0) {
          warnings.add(session.date() + ": intraday (MIS) position " + p.instrument().id() + " " + p.netQuantity()
              + " still open after the session (no bar left to square it off in)");
        }
      }
    }

    private BacktestRun finish() {
      Map<String, Long> perInstrument = new LinkedHashMap<>();
      for (int k = 0; k < instruments.size(); k++) {
        Instrument i = instruments.get(k);
        List<java.time.LocalDate> gaps = missing.get(k);
        if (barCounts[k] == 0) {
          throw new NotFoundException("no " + interval.label() + " bars for " + i.id() + " between " + config.from()
              + " and " + config.to() + " in " + config.data().description()
              + "; load them first or choose dates the data covers");
        }
        if (!gaps.isEmpty()) {
          warnings.add(i.id() + ": no bars on " + gaps.size() + " of " + sessions.size() + " sessions ("
              + abbreviate(gaps) + ")");
        }
        perInstrument.put(i.id(), barCounts[k]);
      }
      ExecutionSummary summary = tier.summary();
      tier.close();
      RunSettings settings = new RunSettings(config.strategy().id(), config.parameters().values(),
          instruments.stream().map(Instrument::id).toList(), interval, config.from(), config.to(),
          config.startingCash(), config.data().description(),
          "market orders at the next bar's open (" + config.slippage() + "), limits through the bar's range"
              + (config.maxVolumeShare() < 1 ? ", at most " + config.maxVolumeShare() + " of a bar's volume" : ""),
          config.chargesVersion());
      RunFingerprint fingerprint = new RunFingerprint(digest.hex(), digest.bars(), config.strategy().id(),
          config.parameters().values(), modelVersion, config.chargesVersion(), SdkVersion.version());
      return new BacktestRun(settings, fingerprint, equity.build(), fills, summary, perInstrument, sessions.size(),
          warnings);
    }

    /**
     * One instrument's bars of the current session in arrays (reused from session to session), with a cursor: the
     * merge reads open times from a {@code long[]} instead of calling into a list per bar.
     */
    private static final class SessionBars {
      Bar[] bars = new Bar[0];
      /** Open times of {@link #bars}, then {@link Long#MAX_VALUE} at {@link #size} as the end marker. */
      long[] openTimes = {Long.MAX_VALUE};
      int size;
      int cursor;

      void reset(int newSize) {
        if (bars.length < newSize) {
          bars = new Bar[newSize];
          openTimes = new long[newSize + 1];
        } else {
          Arrays.fill(bars, newSize, size > newSize ? size : newSize, null); // drop last session's tail
        }
        size = newSize;
        cursor = 0;
        openTimes[newSize] = Long.MAX_VALUE;
      }

      /** The open time of the bar at the cursor, or {@link Long#MAX_VALUE} when the session's bars are done. */
      long openTime() {
        return openTimes[cursor];
      }
    }

    private static String abbreviate(List<java.time.LocalDate> dates) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(5, dates.size()); i++) {
        s.append(i == 0 ? "" : ", ").append(dates.get(i));
      }
      return dates.size() > 5 ? s + ", … " + dates.get(dates.size() - 1) : s.toString();
    }

    private static int slotsPerSession(TradingSession s, BarInterval interval) {
      long len = s.closeMillis() - s.openMillis();
      long step = interval.millis();
      return (int) Math.min(100_000, (len + step - 1) / step);
    }
  }
}
