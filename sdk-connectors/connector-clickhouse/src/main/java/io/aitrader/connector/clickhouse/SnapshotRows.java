package io.aitrader.connector.clickhouse;

import io.aitrader.connector.clickhouse.internal.RowBinaryReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A snapshot's rows as read from {@code snapshot_bars} (ordered by instrument, then open time) and their SHA-256
 * over the canonical encoding (v1): the UTF-8 bytes of {@code "aitrader-snapshot-rows v1\n"}, then per row the
 * instrument id and the interval label (each as a big-endian int32 byte length and its UTF-8 bytes), open time,
 * close time, open, high, low, close, volume, turnover (big-endian int64), trade count (int32) and complete (one
 * byte, 0 or 1). The rows are kept raw so that the hash is checked before any {@code Bar} is built.
 */
final class SnapshotRows {
  static final String SELECT = "SELECT instrument, bar_interval, open_time, close_time, open, high, low, close, "
      + "volume, turnover, trade_count, complete FROM snapshot_bars";
  private static final byte[] HEADER = "aitrader-snapshot-rows v1\n".getBytes(StandardCharsets.UTF_8);

  /** One stored row. */
  record Row(String instrument, String interval, long openTime, long closeTime, long open, long high, long low,
      long close, long volume, long turnover, int tradeCount, boolean complete) {
  }

  final List<Row> rows;
  final String sha256;

  private SnapshotRows(List<Row> rows, String sha256) {
    this.rows = rows;
    this.sha256 = sha256;
  }

  /** The rows of snapshot {@code id}, in the canonical order, and their hash. */
  static SnapshotRows read(ClickHouseConnector ch, String id) {
    RowBinaryReader r = new RowBinaryReader(ch.query(SELECT + " WHERE snapshot_id = " + ClickHouseConnector.quote(id)
        + " ORDER BY instrument, open_time FORMAT RowBinary"));
    List<Row> rows = new ArrayList<>();
    MessageDigest sha = sha256();
    sha.update(HEADER);
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    String lastId = "";
    byte[] idBytes = new byte[0];
    String lastInterval = "";
    byte[] intervalBytes = new byte[0];
    while (r.hasMore()) {
      Row row = new Row(r.string(), r.string(), r.int64(), r.int64(), r.int64(), r.int64(), r.int64(), r.int64(),
          r.int64(), r.int64(), r.int32(), r.uint8() != 0);
      rows.add(row);
      if (!row.instrument().equals(lastId)) {
        lastId = row.instrument();
        idBytes = lastId.getBytes(StandardCharsets.UTF_8);
      }
      if (!row.interval().equals(lastInterval)) {
        lastInterval = row.interval();
        intervalBytes = lastInterval.getBytes(StandardCharsets.UTF_8);
      }
      int size = 4 + idBytes.length + 4 + intervalBytes.length + 8 * 8 + 4 + 1;
      if (buf.remaining() < size) {
        sha.update(buf.array(), 0, buf.position());
        buf.clear();
        if (buf.remaining() < size) {
          buf = ByteBuffer.allocate(size);
        }
      }
      buf.putInt(idBytes.length).put(idBytes).putInt(intervalBytes.length).put(intervalBytes)
          .putLong(row.openTime()).putLong(row.closeTime()).putLong(row.open()).putLong(row.high())
          .putLong(row.low()).putLong(row.close()).putLong(row.volume()).putLong(row.turnover())
          .putInt(row.tradeCount()).put((byte) (row.complete() ? 1 : 0));
    }
    sha.update(buf.array(), 0, buf.position());
    return new SnapshotRows(List.copyOf(rows), HexFormat.of().formatHex(sha.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
