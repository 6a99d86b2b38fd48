package io.aitrader.core.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the bars a run reads, in feed order: first the interval label and the instrument ids (one per line),
 * then per bar the instrument's index (int) and open time, close time, open, high, low, close, volume, turnover
 * (longs) and trade count (int), big endian. Bars are batched into a buffer so hashing costs a few nanoseconds each.
 */
final class BarDigest {
  private static final int BAR_BYTES = 4 + 8 * 8 + 4;

  private final MessageDigest sha = RunFingerprint.sha256();
  private final ByteBuffer buffer = ByteBuffer.allocate(BAR_BYTES * 1024);
  private long bars;

  BarDigest(List<Instrument> instruments, BarInterval interval) {
    StringBuilder header = new StringBuilder("aitrader-bars v1\n").append(interval.label()).append('\n');
    for (Instrument i : instruments) {
      header.append(i.id()).append('\n');
    }
    sha.update(header.toString().getBytes(StandardCharsets.UTF_8));
  }

  void add(int instrumentIndex, Bar b) {
    if (buffer.remaining() < BAR_BYTES) {
      flush();
    }
    buffer.putInt(instrumentIndex).putLong(b.openTimeMillis()).putLong(b.closeTimeMillis()).putLong(b.open())
        .putLong(b.high()).putLong(b.low()).putLong(b.close()).putLong(b.volume()).putLong(b.turnover())
        .putInt(b.tradeCount());
    bars++;
  }

  long bars() {
    return bars;
  }

  String hex() {
    flush();
    return HexFormat.of().formatHex(sha.digest());
  }

  private void flush() {
    sha.update(buffer.array(), 0, buffer.position());
    buffer.clear();
  }
}
