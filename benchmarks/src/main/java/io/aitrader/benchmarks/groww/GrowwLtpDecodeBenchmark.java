package io.aitrader.benchmarks.groww;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Quote;
import io.aitrader.api.money.Price;
import io.aitrader.groww.fake.wire.FeedWire;
import io.aitrader.groww.fake.wire.LivePriceMessage;
import io.aitrader.groww.feed.FeedDecoder;
import io.aitrader.groww.feed.FeedListener;
import io.aitrader.groww.feed.FeedSubjects;
import io.aitrader.groww.feed.InstrumentLookup;
import io.aitrader.groww.feed.proto.StocksSocketResponseProtoDto;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Groww LTP decode + normalize, single-threaded: {@link FeedDecoder#decode} of realistic LTP messages (all 16
 * fields set, written by the testkit's {@link FeedWire}) for 200 NSE/BSE instruments, subject strings and bytes
 * prepared in setup, each message becoming a {@link Quote} handed to a listener. The score is messages per second
 * (target ≥ 2 M/s); with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes per message (the Quote only).
 * {@code generatedParseFrom} measures the generated class's {@code parseFrom} alone, for comparison.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GrowwLtpDecode -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GrowwLtpDecodeBenchmark {
  static final int INSTRUMENTS = 200;
  static final int MESSAGES = 4096;

  private String[] subjects;
  private byte[][] payloads;
  private FeedDecoder decoder;
  private final Sink sink = new Sink();

  /** Consumes every field of every quote; allocates nothing. */
  static final class Sink implements FeedListener {
    long checksum;

    @Override
    public void onQuote(Quote q) {
      checksum += q.lastPrice() ^ q.timestampMillis() ^ q.dayVolume() ^ q.bidQuantity() ^ q.askQuantity()
          ^ q.openInterest() ^ q.instrument().hashCode();
    }
  }

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    List<Instrument> instruments = new ArrayList<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      instruments.add(Instrument.builder().exchange(i % 4 == 0 ? Exchange.BSE : Exchange.NSE).segment(Segment.CASH)
          .type(InstrumentType.EQ).tradingSymbol("SYM" + i).exchangeToken(Integer.toString(1_000 + i))
          .tickSize(Price.of("0.05")).build());
    }
    decoder = FeedDecoder.builder().instruments(InstrumentLookup.of(instruments)).listener(sink).build();
    subjects = new String[MESSAGES];
    payloads = new byte[MESSAGES][];
    long t = 1_732_425_300_000L;
    for (int k = 0; k < MESSAGES; k++) {
      Instrument i = instruments.get(random.nextInt(INSTRUMENTS));
      double ltp = (100 + random.nextInt(400_000)) * 0.05;
      double volume = 1_000 + random.nextInt(10_000_000);
      t += random.nextInt(50);
      payloads[k] = FeedWire.livePrice(i, LivePriceMessage.builder().tsInMillis(t).ltp(ltp).open(ltp - 5)
          .high(ltp + 7).low(ltp - 9).close(ltp - 2).volume(volume).value(volume * ltp).bidQty(random.nextInt(5000))
          .offerQty(random.nextInt(5000)).avgPrice(ltp - 1).highPriceRange(ltp * 1.2).lowPriceRange(ltp * 0.8)
          .openInterest(0).lowTradeRange(ltp * 0.9).highTradeRange(ltp * 1.1).build());
      // one String per message slot (not shared), like the subjects a NATS client hands over; their hash codes are
      // cached after the first pass, which a live feed (a new String per message) pays once per message
      subjects[k] = new String(FeedSubjects.ltp(i).toCharArray());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void decodeAndNormalize(Blackhole bh) {
    FeedDecoder d = decoder;
    String[] s = subjects;
    byte[][] p = payloads;
    int delivered = 0;
    for (int k = 0; k < MESSAGES; k++) {
      if (d.decode(s[k], p[k])) {
        delivered++;
      }
    }
    bh.consume(delivered);
    bh.consume(sink.checksum);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void generatedParseFrom(Blackhole bh) throws Exception {
    byte[][] p = payloads;
    for (int k = 0; k < MESSAGES; k++) {
      bh.consume(StocksSocketResponseProtoDto.parseFrom(p[k]).getStockLivePrice().getLtp());
    }
  }
}
