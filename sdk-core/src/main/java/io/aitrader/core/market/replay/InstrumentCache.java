package io.aitrader.core.market.replay;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resolves instrument ids found in a range of a line, without allocating once an id has been seen: an
 * open-addressing table keyed by the id's characters, filled from an {@link InstrumentRepository}. Not
 * thread-safe.
 */
final class InstrumentCache {
  private final InstrumentRepository repository;
  private @Nullable String[] keys = new String[64];
  private @Nullable Instrument[] values = new Instrument[64];
  private int size;

  InstrumentCache(InstrumentRepository repository) {
    this.repository = repository;
  }

  /** The instrument whose id is {@code line[from, to)}, or null when the repository has none. */
  @Nullable Instrument resolve(String line, int from, int to) {
    int len = to - from;
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + line.charAt(i);
    }
    int mask = keys.length - 1;
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      String k = keys[slot];
      if (k == null) {
        break;
      }
      if (k.length() == len && line.regionMatches(from, k, 0, len)) {
        return values[slot];
      }
    }
    String id = line.substring(from, to);
    Optional<Instrument> found = repository.findById(id);
    if (found.isEmpty()) {
      return null;
    }
    put(id, found.get());
    return found.get();
  }

  private void put(String id, Instrument instrument) {
    if (2 * (size + 1) > keys.length) {
      @Nullable String[] oldKeys = keys;
      @Nullable Instrument[] oldValues = values;
      keys = new String[oldKeys.length * 2];
      values = new Instrument[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        String k = oldKeys[i];
        Instrument v = oldValues[i];
        if (k != null && v != null) {
          insert(k, v);
        }
      }
    }
    insert(id, instrument);
  }

  private void insert(String id, Instrument instrument) {
    int mask = keys.length - 1;
    int slot = mix(id.hashCode()) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = id;
    values[slot] = instrument;
    size++;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16);
  }
}
