package io.aitrader.connector.kafka.codec;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instrument ids as bytes, both ways, cached so steady-state encoding and decoding allocate nothing for them:
 * encoding looks the id's UTF-8 bytes up by id; decoding finds the instrument through a small direct-mapped
 * table keyed by the bytes, going to the repository only on a miss. The repository is taken to be stable while
 * the codec lives (one instrument master per trading day). Thread-safe: table entries are immutable and a lost
 * race only costs one more repository lookup.
 */
final class InstrumentIds {
  private static final int SLOTS = 4096;
  /** Longest instrument id accepted on decode. */
  static final int MAX_ID_BYTES = 255;

  private final InstrumentRepository repository;
  private final ConcurrentHashMap<String, byte[]> bytesById = new ConcurrentHashMap<>();
  private final Entry[] table = new Entry[SLOTS];

  InstrumentIds(InstrumentRepository repository) {
    this.repository = repository;
  }

  /** The UTF-8 bytes of {@code instrument.id()}; callers must not modify them. */
  byte[] bytes(Instrument instrument) {
    byte[] bytes = bytesById.get(instrument.id());
    if (bytes == null) {
      bytes = instrument.id().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > MAX_ID_BYTES) {
        throw new CodecException("Instrument id '" + instrument.id() + "' is longer than " + MAX_ID_BYTES
            + " bytes and cannot be encoded");
      }
      bytesById.putIfAbsent(instrument.id(), bytes);
    }
    return bytes;
  }

  /** The instrument whose id is {@code length} bytes of {@code payload} from {@code offset}. */
  Instrument resolve(byte[] payload, int offset, int length, String what) {
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + payload[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Entry entry = table[slot];
    if (entry != null && Arrays.equals(entry.id, 0, entry.id.length, payload, offset, offset + length)) {
      return entry.instrument;
    }
    String id = new String(payload, offset, length, StandardCharsets.UTF_8);
    Instrument instrument = resolve(id, what);
    table[slot] = new Entry(Arrays.copyOfRange(payload, offset, offset + length), instrument);
    return instrument;
  }

  /** The instrument with this id; {@link CodecException} naming it when the repository does not know it. */
  Instrument resolve(String id, String what) {
    return repository.findById(id).orElseThrow(() -> new CodecException("A " + what + " payload names instrument '"
        + id + "', which the instrument repository does not know: load the same instrument master as the producer"));
  }

  private static final class Entry {
    final byte[] id;
    final Instrument instrument;

    Entry(byte[] id, Instrument instrument) {
      this.id = id;
      this.instrument = instrument;
    }
  }
}
