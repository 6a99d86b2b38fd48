package io.aitrader.connector.kafka.codec;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.Tick;
import java.util.Objects;

/**
 * The binary wire format of {@link Tick}s (schema 1, version 1): an NSE equity tick with a full top of book takes
 * about 40 bytes before compression.
 *
 * <pre>
 * byte 0      schema id (1)          byte 1   version (1)
 * varint      instrument id length,  then the id's UTF-8 bytes (e.g. NSE:RELIANCE)
 * byte        flags: 1 = bid present, 2 = ask present, 4 = open interest present, 8 = prices in paise
 * varint      timestampMillis        varint   lastPrice (₹0.0001 units, or paise with flag 8)
 * varint      lastQuantity           varint   dayVolume - lastQuantity
 * [bid]       zig-zag varint bidPrice - lastPrice, varint bidQuantity
 * [ask]       zig-zag varint askPrice - lastPrice, varint askQuantity
 * [oi]        varint openInterest
 * </pre>
 * Varints are unsigned LEB128. A side is "present" when its price or quantity is non-zero. When the last, bid and
 * ask prices are all whole paise (every NSE/BSE tick size is), they are written in paise (flag 8): a byte less each.
 *
 * <pre>{@code
 * TickCodec codec = new TickCodec(instruments);
 * byte[] value = codec.encode(tick);
 * Tick back = codec.decode(value);   // equals tick
 * }</pre>
 *
 * <p>Thread-safe. Encoding allocates only the returned array; decoding only the {@link Tick}.
 */
public final class TickCodec implements EventCodec<Tick> {
  /** The newest version this codec writes and reads. */
  public static final int VERSION = 1;

  private static final int BID = 1;
  private static final int ASK = 2;
  private static final int OPEN_INTEREST = 4;
  private static final int PAISE = 8;
  private static final long UNITS_PER_PAISA = 100;

  private final InstrumentIds ids;

  /** A codec resolving instrument ids through {@code instruments} on decode. */
  public TickCodec(InstrumentRepository instruments) {
    this.ids = new InstrumentIds(Objects.requireNonNull(instruments, "instruments"));
  }

  @Override
  public Class<Tick> type() {
    return Tick.class;
  }

  @Override
  public String key(Tick tick) {
    return tick.instrument().id();
  }

  @Override
  public byte[] encode(Tick t) {
    byte[] id = ids.bytes(t.instrument());
    boolean bid = t.bidPrice() != 0 || t.bidQuantity() != 0;
    boolean ask = t.askPrice() != 0 || t.askQuantity() != 0;
    boolean oi = t.openInterest() != 0;
    boolean paise = t.lastPrice() % UNITS_PER_PAISA == 0 && t.bidPrice() % UNITS_PER_PAISA == 0
        && t.askPrice() % UNITS_PER_PAISA == 0;
    long divisor = paise ? UNITS_PER_PAISA : 1;
    long lastPrice = t.lastPrice() / divisor;
    long bidDelta = Varints.zigzag(t.bidPrice() / divisor - lastPrice);
    long askDelta = Varints.zigzag(t.askPrice() / divisor - lastPrice);
    long volumeBefore = t.dayVolume() - t.lastQuantity();
    int size = 3 + Varints.size(id.length) + id.length + Varints.size(t.timestampMillis()) + Varints.size(lastPrice)
        + Varints.size(t.lastQuantity()) + Varints.size(volumeBefore)
        + (bid ? Varints.size(bidDelta) + Varints.size(t.bidQuantity()) : 0)
        + (ask ? Varints.size(askDelta) + Varints.size(t.askQuantity()) : 0)
        + (oi ? Varints.size(t.openInterest()) : 0);
    byte[] out = new byte[size];
    out[0] = (byte) Schema.TICK;
    out[1] = (byte) VERSION;
    int pos = Varints.write(out, 2, id.length);
    System.arraycopy(id, 0, out, pos, id.length);
    pos += id.length;
    out[pos++] = (byte) ((bid ? BID : 0) | (ask ? ASK : 0) | (oi ? OPEN_INTEREST : 0) | (paise ? PAISE : 0));
    pos = Varints.write(out, pos, t.timestampMillis());
    pos = Varints.write(out, pos, lastPrice);
    pos = Varints.write(out, pos, t.lastQuantity());
    pos = Varints.write(out, pos, volumeBefore);
    if (bid) {
      pos = Varints.write(out, pos, bidDelta);
      pos = Varints.write(out, pos, t.bidQuantity());
    }
    if (ask) {
      pos = Varints.write(out, pos, askDelta);
      pos = Varints.write(out, pos, t.askQuantity());
    }
    if (oi) {
      Varints.write(out, pos, t.openInterest());
    }
    return out;
  }

  @Override
  public Tick decode(byte[] bytes) {
    Schema.check(bytes, Schema.TICK, VERSION);
    Varints.Cursor in = new Varints.Cursor(bytes, 2, "tick");
    int idLength = in.readLength(InstrumentIds.MAX_ID_BYTES);
    int idStart = in.position();
    in.skip(idLength);
    int flags = in.readByte();
    if ((flags & ~(BID | ASK | OPEN_INTEREST | PAISE)) != 0) {
      throw new CodecException("A tick v1 payload has unknown flags " + Integer.toBinaryString(flags));
    }
    long timestamp = in.readVarint();
    long multiplier = (flags & PAISE) != 0 ? UNITS_PER_PAISA : 1;
    long lastPrice = in.readVarint();
    long lastQuantity = in.readVarint();
    long dayVolume = in.readVarint() + lastQuantity;
    long bidPrice = 0;
    long bidQuantity = 0;
    long askPrice = 0;
    long askQuantity = 0;
    long openInterest = 0;
    if ((flags & BID) != 0) {
      bidPrice = (lastPrice + Varints.unzigzag(in.readVarint())) * multiplier;
      bidQuantity = in.readVarint();
    }
    if ((flags & ASK) != 0) {
      askPrice = (lastPrice + Varints.unzigzag(in.readVarint())) * multiplier;
      askQuantity = in.readVarint();
    }
    if ((flags & OPEN_INTEREST) != 0) {
      openInterest = in.readVarint();
    }
    var instrument = ids.resolve(bytes, idStart, idLength, "tick");
    try {
      return new Tick(instrument, timestamp, lastPrice * multiplier, lastQuantity, dayVolume, bidPrice, bidQuantity, askPrice,
          askQuantity, openInterest);
    } catch (ValidationException e) {
      throw new CodecException("A tick payload holds an invalid tick: " + e.getMessage(), e);
    }
  }
}
