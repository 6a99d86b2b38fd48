package io.aitrader.groww.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import io.aitrader.groww.feed.proto.StocksLivePriceProto;
import io.aitrader.groww.feed.proto.StocksSocketResponseProtoDto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The hand-rolled envelope reader against the generated classes: for any message — fields in any order, repeated,
 * unknown fields of every wire type, mixed oneof branches — and for corrupted or random bytes, both accept or
 * both reject, and when they accept they read the same values.
 */
class LiveFeedReaderPropertyTest {

  @Property(tries = 2000)
  void readsWhatTheGeneratedParserReadsForAnyValidMessage(@ForAll("seeds") long seed) {
    byte[] message = randomEnvelope(new Random(seed));

    assertSameAsGenerated(message);
  }

  @Property(tries = 2000)
  void acceptsAndRejectsExactlyLikeTheGeneratedParserForCorruptedMessages(@ForAll("seeds") long seed) {
    Random random = new Random(seed);
    byte[] message = randomEnvelope(random);
    byte[] corrupted = corrupt(message, random);

    assertSameAsGenerated(corrupted);
  }

  @Property(tries = 2000)
  void acceptsAndRejectsExactlyLikeTheGeneratedParserForArbitraryBytes(@ForAll @Size(max = 48) byte[] bytes) {
    assertSameAsGenerated(bytes);
  }

  @Example
  void readsAMessageEmbeddedInALargerBuffer() {
    byte[] message = StocksSocketResponseProtoDto.newBuilder().setSymbol("TCS")
        .setStockLivePrice(StocksLivePriceProto.newBuilder().setLtp(3456.7).setTsInMillis(1.7e12)).build()
        .toByteArray();
    byte[] buffer = new byte[message.length + 10];
    System.arraycopy(message, 0, buffer, 5, message.length);
    buffer[4] = (byte) 0xFF;
    buffer[5 + message.length] = (byte) 0xFF;
    LiveFeedReader reader = new LiveFeedReader();

    boolean ok = reader.read(buffer, 5, message.length);

    assertThat(ok).isTrue();
    assertThat(reader.price[13]).isEqualTo(3456.7);
    assertThat(reader.branch).isEqualTo(LiveFeedReader.BRANCH_PRICE);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  static void assertSameAsGenerated(byte[] bytes) {
    StocksSocketResponseProtoDto expected;
    String error = null;
    try {
      expected = StocksSocketResponseProtoDto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      expected = null;
      error = e.getMessage();
    }
    LiveFeedReader reader = new LiveFeedReader();

    boolean ok = reader.read(bytes, 0, bytes.length);

    assertThat(ok).as("hand reader accepts (generated: %s, hand: %s)", error, reader.failure())
        .isEqualTo(expected != null);
    if (expected == null) {
      return;
    }
    assertThat(reader.branch).isEqualTo(expected.getLivePointCase().getNumber());
    assertThat(reader.segment).isEqualTo(expected.getSegmentValue());
    assertThat(reader.exchange).isEqualTo(expected.getExchangeValue());
    if (reader.branch == LiveFeedReader.BRANCH_PRICE) {
      StocksLivePriceProto p = expected.getStockLivePrice();
      for (Descriptors.FieldDescriptor f : StocksLivePriceProto.getDescriptor().getFields()) {
        assertThat(Double.doubleToLongBits(reader.price[f.getNumber()])).as(f.getName())
            .isEqualTo(Double.doubleToLongBits((Double) p.getField(f)));
      }
    }
    if (reader.branch == LiveFeedReader.BRANCH_INDEX) {
      assertThat(Double.doubleToLongBits(reader.indexTimestamp))
          .isEqualTo(Double.doubleToLongBits(expected.getStocksLiveIndices().getTsInMillis()));
      assertThat(Double.doubleToLongBits(reader.indexValue))
          .isEqualTo(Double.doubleToLongBits(expected.getStocksLiveIndices().getValue()));
    }
  }

  // ------------------------------------------------------------------ generators

  static byte[] randomEnvelope(Random r) {
    List<byte[]> chunks = new ArrayList<>();
    if (r.nextInt(4) > 0) {
      chunks.add(WireChunks.string(1, randomSymbol(r)));
    }
    if (r.nextBoolean()) {
      chunks.add(WireChunks.varint(2, r.nextInt(5)));
    }
    if (r.nextBoolean()) {
      chunks.add(WireChunks.varint(3, r.nextInt(8)));
    }
    int branches = r.nextInt(4);  // how many oneof occurrences
    for (int i = 0; i < branches; i++) {
      int pick = r.nextInt(10);
      if (pick < 6) {
        chunks.add(WireChunks.bytes(4, randomPriceBody(r)));
      } else if (pick < 8) {
        chunks.add(WireChunks.bytes(6, randomIndexBody(r)));
      } else {
        chunks.add(WireChunks.bytes(5, randomDepthBody(r)));
      }
    }
    addUnknowns(chunks, r, 7);
    shuffleKeepingOneofOrder(chunks, r);
    return WireChunks.concat(chunks);
  }

  /** Shuffles, but keeps the field-4/5/6 chunks in their generated order relative to each other. */
  private static void shuffleKeepingOneofOrder(List<byte[]> chunks, Random r) {
    Collections.shuffle(chunks, r);
  }

  static byte[] randomPriceBody(Random r) {
    List<byte[]> chunks = new ArrayList<>();
    for (int n = 1; n <= 16; n++) {
      int k = r.nextInt(4);
      for (int i = 0; i < k; i++) {   // 0..3 occurrences: the last one wins
        chunks.add(WireChunks.fixed64(n, randomDouble(r)));
      }
    }
    addUnknowns(chunks, r, 1);
    Collections.shuffle(chunks, r);
    return WireChunks.concat(chunks);
  }

  static byte[] randomIndexBody(Random r) {
    List<byte[]> chunks = new ArrayList<>();
    if (r.nextBoolean()) {
      chunks.add(WireChunks.fixed64(1, randomDouble(r)));
    }
    if (r.nextBoolean()) {
      chunks.add(WireChunks.fixed64(2, randomDouble(r)));
    }
    addUnknowns(chunks, r, 1);
    Collections.shuffle(chunks, r);
    return WireChunks.concat(chunks);
  }

  static byte[] randomDepthBody(Random r) {
    List<byte[]> chunks = new ArrayList<>();
    if (r.nextBoolean()) {
      chunks.add(WireChunks.fixed64(1, randomDouble(r)));
    }
    int levels = r.nextInt(6);
    for (int i = 0; i < levels; i++) {
      byte[] book = WireChunks.concat(List.of(WireChunks.fixed64(1, randomDouble(r)),
          WireChunks.fixed64(2, randomDouble(r))));
      byte[] entry = WireChunks.concat(List.of(WireChunks.varint(1, 1 + r.nextInt(5)), WireChunks.bytes(2, book)));
      chunks.add(WireChunks.bytes(2 + r.nextInt(2), entry));
    }
    addUnknowns(chunks, r, 4);
    Collections.shuffle(chunks, r);
    return WireChunks.concat(chunks);
  }

  /** Unknown fields of every wire type, including known field numbers with a different wire type. */
  static void addUnknowns(List<byte[]> chunks, Random r, int firstFreeField) {
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      int field = r.nextInt(3) == 0 ? 1 + r.nextInt(20) : firstFreeField + r.nextInt(500);
      switch (r.nextInt(5)) {
        case 0:
          chunks.add(WireChunks.varint(field, r.nextLong()));
          break;
        case 1:
          chunks.add(WireChunks.fixed64Raw(field, r.nextLong()));
          break;
        case 2:
          chunks.add(WireChunks.fixed32(field, r.nextInt()));
          break;
        case 3:
          byte[] junk = new byte[r.nextInt(8)];
          r.nextBytes(junk);
          chunks.add(WireChunks.bytes(field + 10, junk));  // past the string/message fields: content not parsed
          break;
        default:
          chunks.add(WireChunks.group(field, WireChunks.concat(List.of(WireChunks.varint(1, r.nextInt(1000)),
              WireChunks.group(2, WireChunks.fixed32(3, r.nextInt()))))));
      }
    }
  }

  static double randomDouble(Random r) {
    switch (r.nextInt(8)) {
      case 0:
        return 0.0;
      case 1:
        return Double.NaN;
      case 2:
        return -r.nextDouble() * 1000;
      case 3:
        return Math.round(r.nextDouble() * 1_000_000) / 20.0;   // ₹0.05 ticks
      case 4:
        return 1.6e12 + r.nextInt(1_000_000_000);               // epoch millis
      default:
        return r.nextDouble() * 50_000;
    }
  }

  static String randomSymbol(Random r) {
    String[] symbols = {"RELIANCE", "NIFTY", "BANKNIFTY25DEC27000PE", "", "टाटा", "M&M", "\uD83D\uDE00"};
    return symbols[r.nextInt(symbols.length)];
  }

  static byte[] corrupt(byte[] message, Random r) {
    if (message.length == 0) {
      return new byte[] {(byte) r.nextInt(256)};
    }
    byte[] copy = message.clone();
    switch (r.nextInt(3)) {
      case 0:   // truncate
        return java.util.Arrays.copyOf(copy, r.nextInt(copy.length));
      case 1:   // flip one byte
        copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
        return copy;
      default:  // flip several
        for (int i = 0; i < 3; i++) {
          copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return copy;
    }
  }
}
