package io.aitrader.groww.fake;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.TradingSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves the fake's market forward: delivers the ticks stamped in {@code (syncedTo, target]} of every instrument
 * with working orders or active smart orders, merged in time order, to the order book (and smart orders), and
 * closes each session that ends on the way ({@code endOfDay}: DAY orders expire). Callers hold the fake's lock.
 */
final class MarketDriver {
  /** Something that trades on the market's ticks. */
  interface Participant {
    /** Instruments it needs ticks of now. */
    Set<Instrument> active();

    void onTick(Tick tick);

    default void endOfDay(long closeMillis) {}
  }

  private final FakeMarket market;
  private final List<Participant> participants = new ArrayList<>();
  private long syncedTo;

  MarketDriver(FakeMarket market, long startMillis) {
    this.market = market;
    this.syncedTo = startMillis;
  }

  void add(Participant p) {
    participants.add(p);
  }

  long syncedTo() {
    return syncedTo;
  }

  void advanceTo(long target) {
    if (target <= syncedTo) {
      return;
    }
    for (TradingSession s : market.sessions(syncedTo + 1, target)) {
      runSession(s, target);
    }
    syncedTo = target;
  }

  private void runSession(TradingSession s, long target) {
    Set<Instrument> active = new LinkedHashSet<>();
    for (Participant p : participants) {
      active.addAll(p.active());
    }
    List<FakeMarket.Minutes> minutes = new ArrayList<>();
    for (Instrument i : active) {
      Optional<FakeMarket.Minutes> m = market.minutes(i, s);
      m.ifPresent(minutes::add);
    }
    int slots = 0;
    for (FakeMarket.Minutes m : minutes) {
      slots = Math.max(slots, m.size() * FakeMarket.TICKS_PER_MINUTE);
    }
    long first = Math.max(0, (syncedTo - s.openMillis()) / FakeMarket.TICK_SPACING_MILLIS);
    for (int slot = (int) Math.min(first, slots); slot < slots; slot++) {
      long t = s.openMillis() + slot * FakeMarket.TICK_SPACING_MILLIS;
      if (t <= syncedTo) {
        continue;
      }
      if (t > target) {
        break;
      }
      for (FakeMarket.Minutes m : minutes) {
        if (slot < m.size() * FakeMarket.TICKS_PER_MINUTE) {
          Tick tick = m.tick(slot);
          for (Participant p : participants) {
            p.onTick(tick);
          }
        }
      }
    }
    if (s.closeMillis() > syncedTo && s.closeMillis() <= target) {
      for (Participant p : participants) {
        p.endOfDay(s.closeMillis());
      }
    }
  }
}
