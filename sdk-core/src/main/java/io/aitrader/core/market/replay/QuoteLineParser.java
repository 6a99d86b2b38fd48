package io.aitrader.core.market.replay;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Quote;

/** Parses one line of the quote CSV format into a {@link Quote}, with errors naming source, line and column. */
final class QuoteLineParser {
  private static final String[] COLUMNS = QuoteCsvWriter.HEADER.split(",");

  private final String source;
  private final InstrumentCache cache;
  private final int[] starts = new int[COLUMNS.length];
  private final int[] ends = new int[COLUMNS.length];

  QuoteLineParser(String source, InstrumentCache cache) {
    this.source = source;
    this.cache = cache;
  }

  Quote parse(String line, int lineNumber) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == ' ')) {
      end--;
    }
    int field = 0;
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || line.charAt(i) == ',') {
        if (field == COLUMNS.length) {
          throw error(lineNumber, "expected " + COLUMNS.length + " fields, found more", line);
        }
        starts[field] = start;
        ends[field] = i;
        field++;
        start = i + 1;
      }
    }
    if (field != COLUMNS.length) {
      throw error(lineNumber, "expected " + COLUMNS.length + " fields, found " + field, line);
    }
    long ts = whole(line, 0, lineNumber);
    Instrument instrument = cache.resolve(line, starts[1], ends[1]);
    if (instrument == null) {
      throw new NotFoundException(source + " line " + lineNumber + ", column instrument_id: unknown instrument '"
          + line.substring(starts[1], ends[1]) + "' (not in the instrument repository)");
    }
    long last = units(line, 2, lineNumber);
    long volume = whole(line, 3, lineNumber);
    long bid = units(line, 4, lineNumber);
    long bidQty = whole(line, 5, lineNumber);
    long ask = units(line, 6, lineNumber);
    long askQty = whole(line, 7, lineNumber);
    long oi = whole(line, 8, lineNumber);
    try {
      return new Quote(instrument, ts, last, volume, bid, bidQty, ask, askQty, oi);
    } catch (ValidationException e) {
      throw new ValidationException(e.field(), source + " line " + lineNumber + ": " + e.getMessage());
    }
  }

  private long whole(String line, int column, int lineNumber) {
    long v = Decimals.parseLong(line, starts[column], ends[column]);
    if (v == Decimals.INVALID) {
      throw error(lineNumber, "column " + COLUMNS[column] + " must be a whole number >= 0",
          line.substring(starts[column], ends[column]));
    }
    return v;
  }

  private long units(String line, int column, int lineNumber) {
    long v = Decimals.parseUnits(line, starts[column], ends[column]);
    if (v == Decimals.INVALID) {
      throw error(lineNumber, "column " + COLUMNS[column] + " must be rupees >= 0 with at most 4 decimals",
          line.substring(starts[column], ends[column]));
    }
    return v;
  }

  private ValidationException error(int lineNumber, String rule, String value) {
    return new ValidationException("ReplayFeed.line", source + " line " + lineNumber + ": " + rule + ", was '" + value + "'");
  }
}
