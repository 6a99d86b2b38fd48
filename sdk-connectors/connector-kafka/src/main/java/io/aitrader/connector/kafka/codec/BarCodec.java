package io.aitrader.connector.kafka.codec;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import java.util.Objects;

/**
 * The binary wire format of {@link Bar}s (schema 2, version 1).
 *
 * <pre>
 * byte 0   schema id (2)      byte 1   version (1)
 * varint   instrument id length, then the id's UTF-8 bytes
 * varint   interval in minutes (1, 2, 3, 5, 10, 15, 30, 60, 1440)
 * varint   openTimeMillis     varint   closeTimeMillis - openTimeMillis
 * varint   low                varint   high - low
 * varint   open - low         varint   close - low
 * varint   volume             varint   turnover        varint tradeCount
 * byte     flags: 1 = complete
 * </pre>
 *
 * <p>Thread-safe. Encoding allocates only the returned array; decoding only the {@link Bar}.
 */
public final class BarCodec implements EventCodec<Bar> {
  /** The newest version this codec writes and reads. */
  public static final int VERSION = 1;

  private static final BarInterval[] INTERVALS = BarInterval.values();

  private final InstrumentIds ids;

  /** A codec resolving instrument ids through {@code instruments} on decode. */
  public BarCodec(InstrumentRepository instruments) {
    this.ids = new InstrumentIds(Objects.requireNonNull(instruments, "instruments"));
  }

  @Override
  public Class<Bar> type() {
    return Bar.class;
  }

  @Override
  public String key(Bar bar) {
    return bar.instrument().id();
  }

  @Override
  public byte[] encode(Bar b) {
    byte[] id = ids.bytes(b.instrument());
    long minutes = b.interval().millis() / 60_000L;
    long span = b.closeTimeMillis() - b.openTimeMillis();
    long range = b.high() - b.low();
    long open = b.open() - b.low();
    long close = b.close() - b.low();
    int size = 3 + Varints.size(id.length) + id.length + Varints.size(minutes) + Varints.size(b.openTimeMillis())
        + Varints.size(span) + Varints.size(b.low()) + Varints.size(range) + Varints.size(open) + Varints.size(close)
        + Varints.size(b.volume()) + Varints.size(b.turnover()) + Varints.size(b.tradeCount());
    byte[] out = new byte[size];
    out[0] = (byte) Schema.BAR;
    out[1] = (byte) VERSION;
    int pos = Varints.write(out, 2, id.length);
    System.arraycopy(id, 0, out, pos, id.length);
    pos += id.length;
    pos = Varints.write(out, pos, minutes);
    pos = Varints.write(out, pos, b.openTimeMillis());
    pos = Varints.write(out, pos, span);
    pos = Varints.write(out, pos, b.low());
    pos = Varints.write(out, pos, range);
    pos = Varints.write(out, pos, open);
    pos = Varints.write(out, pos, close);
    pos = Varints.write(out, pos, b.volume());
    pos = Varints.write(out, pos, b.turnover());
    pos = Varints.write(out, pos, b.tradeCount());
    out[pos] = (byte) (b.complete() ? 1 : 0);
    return out;
  }

  @Override
  public Bar decode(byte[] bytes) {
    Schema.check(bytes, Schema.BAR, VERSION);
    Varints.Cursor in = new Varints.Cursor(bytes, 2, "bar");
    int idLength = in.readLength(InstrumentIds.MAX_ID_BYTES);
    int idStart = in.position();
    in.skip(idLength);
    long minutes = in.readVarint();
    BarInterval interval = interval(minutes);
    long openTime = in.readVarint();
    long closeTime = openTime + in.readVarint();
    long low = in.readVarint();
    long high = low + in.readVarint();
    long open = low + in.readVarint();
    long close = low + in.readVarint();
    long volume = in.readVarint();
    long turnover = in.readVarint();
    long tradeCount = in.readVarint();
    int flags = in.readByte();
    if (tradeCount > Integer.MAX_VALUE || (flags & ~1) != 0) {
      throw new CodecException("A bar v1 payload has trade count " + tradeCount + " and flags "
          + Integer.toBinaryString(flags) + "; expected a trade count <= " + Integer.MAX_VALUE + " and flags 0 or 1");
    }
    var instrument = ids.resolve(bytes, idStart, idLength, "bar");
    try {
      return new Bar(instrument, interval, openTime, closeTime, open, high, low, close, volume, turnover,
          (int) tradeCount, flags == 1);
    } catch (ValidationException e) {
      throw new CodecException("A bar payload holds an invalid bar: " + e.getMessage(), e);
    }
  }

  private static BarInterval interval(long minutes) {
    for (BarInterval interval : INTERVALS) {
      if (interval.millis() == minutes * 60_000L) {
        return interval;
      }
    }
    throw new CodecException("A bar payload has an interval of " + minutes + " minutes, which is not a BarInterval");
  }
}
