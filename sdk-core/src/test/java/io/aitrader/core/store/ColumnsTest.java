package io.aitrader.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  /** Rows of (key, sequence number); the sequence number tells which append a row came from. */
  @Property(tries = 300)
  void mergingBatchesMatchesTheLastWriteWinsModel(@ForAll("batches") List<List<Long>> batches) {
    Map<Long, Long> model = new TreeMap<>();
    long seq = 0;
    for (List<Long> batch : batches) {
      for (long key : batch) {
        model.put(key, seq++);
      }
    }

    Columns merged = appendEach(batches, true);
    Columns loaded = loadAll(batches, true);

    List<long[]> expected = new ArrayList<>();
    model.forEach((k, v) -> expected.add(new long[] {k, v}));
    assertThat(rows(merged)).containsExactlyElementsOf(expected);
    assertThat(rows(loaded)).containsExactlyElementsOf(expected);
  }

  @Property(tries = 300)
  void mergingBatchesMatchesAStableSortWhenEqualKeysAreKept(@ForAll("batches") List<List<Long>> batches) {
    List<long[]> expected = new ArrayList<>();
    long seq = 0;
    for (List<Long> batch : batches) {
      for (long key : batch) {
        expected.add(new long[] {key, seq++});
      }
    }
    expected.sort(Comparator.comparingLong(r -> r[0])); // List.sort is stable

    assertThat(rows(appendEach(batches, false))).containsExactlyElementsOf(expected);
    assertThat(rows(loadAll(batches, false))).containsExactlyElementsOf(expected);
  }

  @Test
  void findsHalfOpenRangesByBinarySearch() {
    Columns c = new Columns(1, 0);
    for (long key : new long[] {10, 20, 20, 30}) {
      int row = c.addRow();
      c.column(0)[row] = key;
    }

    assertThat(c.lowerBound(20)).isEqualTo(1);
    assertThat(c.upperBound(20)).isEqualTo(3);
    assertThat(c.lowerBound(5)).isZero();
    assertThat(c.lowerBound(31)).isEqualTo(4);
  }

  @Provide
  Arbitrary<List<List<Long>>> batches() {
    return Arbitraries.longs().between(0, 40).list().ofMaxSize(30).list().ofMinSize(1).ofMaxSize(8);
  }

  private static Columns appendEach(List<List<Long>> batches, boolean replace) {
    Columns series = new Columns(2, 0);
    long seq = 0;
    for (List<Long> keys : batches) {
      Columns batch = new Columns(2, 0);
      for (long key : keys) {
        add(batch, key, seq++);
      }
      batch.sortByKey();
      if (replace) {
        batch.keepLastOfEqualKeys();
      }
      series.merge(batch, replace);
    }
    return series;
  }

  private static Columns loadAll(List<List<Long>> batches, boolean replace) {
    Columns all = new Columns(2, 0);
    long seq = 0;
    for (List<Long> keys : batches) {
      for (long key : keys) {
        add(all, key, seq++);
      }
    }
    all.sortByKey();
    if (replace) {
      all.keepLastOfEqualKeys();
    }
    return all;
  }

  private static void add(Columns c, long key, long seq) {
    int r = c.addRow();
    c.column(0)[r] = key;
    c.column(1)[r] = seq;
  }

  private static List<long[]> rows(Columns c) {
    List<long[]> rows = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      rows.add(new long[] {c.column(0)[i], c.column(1)[i]});
    }
    return rows;
  }
}
