package io.aitrader.core.features;

import io.aitrader.api.AitraderException;
import io.aitrader.api.ConfigurationException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.core.indicators.IndicatorState;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The snapshot format of {@link DefaultFeatureService}, version 1 ({@link DataOutputStream} encoding): magic
 * {@code AITF}, version, feature names, bar counters, then per pipeline the instrument (every field), interval,
 * last close time, latest vector, and each indicator's canonical key with its {@link IndicatorState} words.
 */
final class Snapshots {
  private static final int MAGIC = 0x41495446;
  private static final int VERSION = 1;

  private Snapshots() {}

  static void write(FeatureEngine engine, OutputStream os) {
    try {
      DataOutputStream out = new DataOutputStream(os);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(engine.set.size());
      for (String n : engine.set.names) {
        out.writeUTF(n);
      }
      out.writeLong(engine.partialBars());
      out.writeLong(engine.rejectedBars());
      List<Pipeline> pipelines = engine.pipelines();
      out.writeInt(pipelines.size());
      for (Pipeline p : pipelines) {
        writeInstrument(out, p.instrument);
        out.writeUTF(p.interval.name());
        out.writeLong(p.lastCloseMillis);
        FeatureVector latest = p.latest();
        out.writeBoolean(latest != null);
        if (latest != null) {
          out.writeLong(latest.timestampMillis());
          for (int i = 0; i < latest.size(); i++) {
            out.writeLong(Double.doubleToRawLongBits(latest.value(i)));
          }
        }
        out.writeInt(p.indicators.length);
        for (int i = 0; i < p.indicators.length; i++) {
          out.writeUTF(p.keys[i]);
          IndicatorState.Writer w = new IndicatorState.Writer();
          p.indicators[i].saveState(w);
          long[] words = w.toArray();
          out.writeInt(words.length);
          for (long word : words) {
            out.writeLong(word);
          }
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the feature snapshot", e);
    }
  }

  static FeatureEngine read(FeatureSet set, InputStream is) {
    DataInputStream in = new DataInputStream(is);
    try {
      if (in.readInt() != MAGIC) {
        throw new ConfigurationException("not a feature snapshot (unknown format: bad magic number)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new ConfigurationException("feature snapshot version " + version + " is not supported (expected " + VERSION + ")");
      }
      int n = in.readInt();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        names.add(in.readUTF());
      }
      if (!names.equals(set.names)) {
        throw new ConfigurationException("the feature snapshot has the features " + names + " but this service defines " + set.names);
      }
      FeatureEngine engine = new FeatureEngine(set);
      engine.addCounts(in.readLong(), in.readLong());
      int pipelines = in.readInt();
      for (int k = 0; k < pipelines; k++) {
        engine.put(readPipeline(set, in));
      }
      return engine;
    } catch (EOFException e) {
      throw new ConfigurationException("the feature snapshot is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feature snapshot", e);
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw new ConfigurationException("the feature snapshot is corrupt: " + e.getMessage(), e);
    } catch (ConfigurationException e) {
      throw e;
    } catch (AitraderException e) {
      throw new ConfigurationException("the feature snapshot is corrupt: " + e.getMessage(), e);
    }
  }

  private static Pipeline readPipeline(FeatureSet set, DataInputStream in) throws IOException {
    Instrument instrument = readInstrument(in);
    BarInterval interval = BarInterval.valueOf(in.readUTF());
    Pipeline p = new Pipeline(set, instrument, interval);
    p.lastCloseMillis = in.readLong();
    if (in.readBoolean()) {
      long ts = in.readLong();
      double[] values = new double[set.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Double.longBitsToDouble(in.readLong());
      }
      p.restoreLatest(FeatureVector.of(instrument, interval, ts, set.layout, values));
    }
    int count = in.readInt();
    if (count != p.indicators.length) {
      throw new ConfigurationException("the feature snapshot has " + count + " indicators for " + instrument.id() + " "
          + interval.label() + " where " + p.indicators.length + " were expected");
    }
    for (int i = 0; i < count; i++) {
      String key = in.readUTF();
      if (!key.equals(p.keys[i])) {
        throw new ConfigurationException("the feature snapshot has indicator '" + key + "' where '" + p.keys[i] + "' was expected");
      }
      long[] words = new long[in.readInt()];
      for (int w = 0; w < words.length; w++) {
        words[w] = in.readLong();
      }
      IndicatorState.Reader r = new IndicatorState.Reader(words);
      p.indicators[i].restoreState(r);
      if (!r.isExhausted()) {
        throw new ConfigurationException("the feature snapshot has more state for '" + key + "' than it reads");
      }
    }
    return p;
  }

  private static void writeInstrument(DataOutputStream out, Instrument i) throws IOException {
    out.writeUTF(i.exchange().name());
    out.writeUTF(i.segment().name());
    out.writeUTF(i.type().name());
    out.writeUTF(i.tradingSymbol());
    out.writeUTF(i.exchangeToken());
    out.writeUTF(i.growwSymbol());
    out.writeUTF(i.name());
    writeOptional(out, i.isin());
    writeOptional(out, i.underlying());
    out.writeBoolean(i.expiry().isPresent());
    if (i.expiry().isPresent()) {
      out.writeLong(i.expiry().get().toEpochDay());
    }
    out.writeBoolean(i.strike().isPresent());
    if (i.strike().isPresent()) {
      out.writeLong(i.strike().get().units());
    }
    out.writeInt(i.lotSize());
    out.writeLong(i.tickSize().units());
    out.writeInt(i.freezeQuantity().orElse(0));
  }

  private static Instrument readInstrument(DataInputStream in) throws IOException {
    Instrument.Builder b = Instrument.builder()
        .exchange(Exchange.valueOf(in.readUTF()))
        .segment(Segment.valueOf(in.readUTF()))
        .type(InstrumentType.valueOf(in.readUTF()))
        .tradingSymbol(in.readUTF())
        .exchangeToken(in.readUTF())
        .growwSymbol(in.readUTF())
        .name(in.readUTF());
    readOptional(in).ifPresent(b::isin);
    readOptional(in).ifPresent(b::underlying);
    if (in.readBoolean()) {
      b.expiry(LocalDate.ofEpochDay(in.readLong()));
    }
    if (in.readBoolean()) {
      b.strike(Price.ofUnits(in.readLong()));
    }
    return b.lotSize(in.readInt()).tickSize(Price.ofUnits(in.readLong())).freezeQuantity(in.readInt()).build();
  }

  private static void writeOptional(DataOutputStream out, Optional<String> v) throws IOException {
    out.writeBoolean(v.isPresent());
    if (v.isPresent()) {
      out.writeUTF(v.get());
    }
  }

  private static Optional<String> readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
  }
}
