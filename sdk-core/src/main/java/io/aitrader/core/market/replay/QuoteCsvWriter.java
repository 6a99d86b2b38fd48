package io.aitrader.core.market.replay;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records quotes in the quote CSV format (see the {@linkplain io.aitrader.core.market.replay package}): a
 * {@link QuoteListener}, so it can record any feed.
 *
 * <pre>{@code
 * try (QuoteCsvWriter out = QuoteCsvWriter.create(Path.of("day.csv"))) {
 *   feed.run(out);
 * }
 * }</pre>
 *
 * <p>The header is written on construction. Formatting allocates nothing per quote. I/O errors surface as
 * {@link UncheckedIOException}. Not thread-safe: call from the feed's thread.
 */
public final class QuoteCsvWriter implements QuoteListener, Flushable, AutoCloseable {
  /** The header line, which is also the column order. */
  public static final String HEADER = "timestamp_ms,instrument_id,last_price,day_volume,bid,bid_qty,ask,ask_qty,oi";

  private final Writer out;
  private char[] buf = new char[256];
  private long count;

  /** Writes to {@code out} (buffer it); closing this writer closes {@code out}. */
  public QuoteCsvWriter(Writer out) {
    this.out = out;
    try {
      out.write(HEADER);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates or truncates {@code file}, UTF-8, buffered. */
  public static QuoteCsvWriter create(Path file) {
    try {
      return new QuoteCsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create quote file " + file, e);
    }
  }

  @Override
  public void onQuote(Quote q) {
    String id = q.instrument().id();
    int idLength = id.length();
    if (buf.length < idLength + 200) {
      buf = new char[idLength + 200];
    }
    char[] b = buf;
    int p = Decimals.writeLong(b, 0, q.timestampMillis());
    b[p++] = ',';
    for (int i = 0; i < idLength; i++) {
      char c = id.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        throw new ValidationException("QuoteCsvWriter.instrument_id",
            "QuoteCsvWriter.instrument_id must not contain a comma, quote or line break, was '" + id + "'");
      }
      b[p++] = c;
    }
    b[p++] = ',';
    p = Decimals.writeUnits(b, p, q.lastPrice());
    b[p++] = ',';
    p = Decimals.writeLong(b, p, q.dayVolume());
    b[p++] = ',';
    p = Decimals.writeUnits(b, p, q.bidPrice());
    b[p++] = ',';
    p = Decimals.writeLong(b, p, q.bidQuantity());
    b[p++] = ',';
    p = Decimals.writeUnits(b, p, q.askPrice());
    b[p++] = ',';
    p = Decimals.writeLong(b, p, q.askQuantity());
    b[p++] = ',';
    p = Decimals.writeLong(b, p, q.openInterest());
    b[p++] = '\n';
    try {
      out.write(b, 0, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    count++;
  }

  /** Quotes written so far. */
  public long count() {
    return count;
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
