package io.aitrader.connector.clickhouse;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.market.BarInterval;
import java.util.List;

/**
 * What a candle snapshot pins (see {@link ClickHouseSnapshots}): the candles of {@code instrumentIds} at
 * {@code interval} opening in {@code [fromMillis, toMillis)} as they were at export, {@code rows} of them, whose
 * canonical encoding has the SHA-256 {@code sha256}. Immutable.
 *
 * @param id            the snapshot's id (a random UUID), the key of its rows
 * @param name          the unique name it was exported under, e.g. {@code nifty50-5m-2024}
 * @param interval      the candle interval
 * @param instrumentIds the instruments asked for ({@code Instrument.id()}), in the order given at export
 * @param fromMillis    the first open time included
 * @param toMillis      the open time excluded
 * @param rows          how many candles it holds
 * @param sha256        lowercase hex SHA-256 over its rows (see {@link ClickHouseSnapshots} for the encoding)
 * @param createdMillis when it was exported, by the exporter's {@code TimeSource}
 */
public record ClickHouseSnapshot(
    String id,
    String name,
    BarInterval interval,
    List<String> instrumentIds,
    long fromMillis,
    long toMillis,
    long rows,
    String sha256,
    long createdMillis) {
  public ClickHouseSnapshot {
    requireText(id, "ClickHouseSnapshot.id");
    requireText(name, "ClickHouseSnapshot.name");
    required(interval, "ClickHouseSnapshot.interval");
    instrumentIds = List.copyOf(required(instrumentIds, "ClickHouseSnapshot.instrumentIds"));
    check(fromMillis < toMillis, "ClickHouseSnapshot.fromMillis", "must be < toMillis " + toMillis, fromMillis);
    check(rows >= 0, "ClickHouseSnapshot.rows", "must be >= 0", rows);
    check(required(sha256, "ClickHouseSnapshot.sha256").matches("[0-9a-f]{64}"), "ClickHouseSnapshot.sha256",
        "must be 64 lowercase hex digits", sha256);
  }

  /** {@code ClickHouse snapshot 'nifty50-5m-2024' (id …, 5m, 93750 bars, sha256 3f2a…)}: for reports. */
  public String describe() {
    return "ClickHouse snapshot '" + name + "' (id " + id + ", " + interval.label() + ", " + rows + " bars, sha256 "
        + sha256 + ")";
  }
}
