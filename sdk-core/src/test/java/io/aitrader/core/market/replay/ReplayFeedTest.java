package io.aitrader.core.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Quote;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticMarket;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFeedTest {
  static final InMemoryInstrumentRepository REPO = InMemoryInstrumentRepository.bundledNse();
  static final Instrument RELIANCE = REPO.findById("NSE:RELIANCE").orElseThrow();
  static final Instrument TCS = REPO.findById("NSE:TCS").orElseThrow();

  @TempDir
  Path dir;

  static TradingSession session(LocalDate d) {
    return new TradingSession(d, Ist.toEpochMillis(d, LocalTime.of(9, 0)), Ist.toEpochMillis(d, LocalTime.of(9, 8)),
        Ist.toEpochMillis(d, LocalTime.of(9, 15)), Ist.toEpochMillis(d, LocalTime.of(15, 30)));
  }

  static List<Quote> play(ReplayFeed feed) {
    List<Quote> out = new ArrayList<>();
    feed.run(out::add);
    return out;
  }

  Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void syntheticQuotesRoundTripThroughCsvAcrossFiles() {
    List<Instrument> universe = List.of(RELIANCE, TCS, REPO.findById("NSE:NIFTY").orElseThrow(),
        REPO.findById("NSE:TATASTEEL").orElseThrow(), REPO.findById("NSE:MARUTI").orElseThrow());
    List<Quote> original = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int d = 0; d < 2; d++) {
      Path file = dir.resolve("day" + d + ".csv");
      files.add(file);
      SyntheticMarket market = SyntheticMarket.builder().instruments(universe)
          .session(session(LocalDate.of(2025, 1, 6).plusDays(d))).seed(d).build();
      try (QuoteCsvWriter out = QuoteCsvWriter.create(file)) {
        market.run(q -> {
          original.add(q);
          out.onQuote(q);
        });
      }
    }

    List<Quote> replayed = play(ReplayFeed.of(REPO, files));

    assertThat(replayed).hasSize(original.size()).isEqualTo(original);
  }

  @Test
  void writesTheDocumentedFormat() {
    StringWriter text = new StringWriter();
    QuoteCsvWriter out = new QuoteCsvWriter(text);

    out.onQuote(new Quote(RELIANCE, 1736135100000L, 14_001_000, 12345, 14_000_000, 20, 14_002_500, 35, 0));
    out.flush();

    assertThat(text.toString()).isEqualTo(QuoteCsvWriter.HEADER + "\n"
        + "1736135100000,NSE:RELIANCE,1400.10,12345,1400.00,20,1400.25,35,0\n");
    assertThat(out.count()).isEqualTo(1);
  }

  @Test
  void readsHandWrittenFilesWithCrlfAndBlankLines() throws Exception {
    Path f = write("q.csv", QuoteCsvWriter.HEADER + "\r\n"
        + "1736135100000,NSE:RELIANCE,1400.1,10,0,0,0,0,0\r\n\r\n"
        + "1736135100001,NSE:TCS,3100,5,3099.95,1,3100.05,2,0\r\n");

    List<Quote> quotes = play(ReplayFeed.of(REPO, f));

    assertThat(quotes).containsExactly(Quote.ltp(RELIANCE, 1736135100000L, 14_001_000, 10),
        new Quote(TCS, 1736135100001L, 31_000_000, 5, 30_999_500, 1, 31_000_500, 2, 0));
  }

  @Test
  void unknownInstrumentFailsNamingFileAndLine() throws Exception {
    Path f = write("q.csv", QuoteCsvWriter.HEADER + "\n"
        + "1736135100000,NSE:RELIANCE,1400.1,10,0,0,0,0,0\n"
        + "1736135100001,NSE:NOSUCH,10,5,0,0,0,0,0\n");
    List<Quote> delivered = new ArrayList<>();

    assertThatThrownBy(() -> ReplayFeed.of(REPO, f).run(delivered::add)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining(f.toString() + " line 3").hasMessageContaining("NSE:NOSUCH");
    assertThat(delivered).hasSize(1);
  }

  @Test
  void malformedLinesFailNamingFileLineAndColumn() throws Exception {
    Path badPrice = write("a.csv", QuoteCsvWriter.HEADER + "\n1736135100000,NSE:RELIANCE,14x0,10,0,0,0,0,0\n");
    Path fewFields = write("b.csv", QuoteCsvWriter.HEADER + "\n1736135100000,NSE:RELIANCE,1400\n");
    Path zeroPrice = write("c.csv", QuoteCsvWriter.HEADER + "\n1736135100000,NSE:RELIANCE,0,10,0,0,0,0,0\n");
    Path noHeader = write("d.csv", "1736135100000,NSE:RELIANCE,1400,10,0,0,0,0,0\n");

    assertThatThrownBy(() -> play(ReplayFeed.of(REPO, badPrice))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("a.csv line 2: column last_price").hasMessageContaining("'14x0'");
    assertThatThrownBy(() -> play(ReplayFeed.of(REPO, fewFields))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("b.csv line 2: expected 9 fields, found 3");
    assertThatThrownBy(() -> play(ReplayFeed.of(REPO, zeroPrice))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("c.csv line 2").hasMessageContaining("lastPrice");
    assertThatThrownBy(() -> play(ReplayFeed.of(REPO, noHeader))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("d.csv line 1: expected the header");
  }

  @Test
  void subscribeRestrictsDeliveryAndRejectsUnknownInstruments() throws Exception {
    Path f = write("q.csv", QuoteCsvWriter.HEADER + "\n"
        + "1736135100000,NSE:RELIANCE,1400.1,10,0,0,0,0,0\n"
        + "1736135100001,NSE:TCS,3100,5,0,0,0,0,0\n");
    ReplayFeed feed = ReplayFeed.of(REPO, f);
    Instrument stranger = RELIANCE.toBuilder().tradingSymbol("STRANGER").build();

    feed.subscribe(List.of(TCS));

    assertThat(play(feed)).extracting(Quote::instrument).containsExactly(TCS);
    assertThatThrownBy(() -> feed.subscribe(List.of(stranger))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("NSE:STRANGER");
  }

  @Test
  void closeStopsDelivery() throws Exception {
    StringBuilder sb = new StringBuilder(QuoteCsvWriter.HEADER).append('\n');
    for (int k = 0; k < 100; k++) {
      sb.append(1736135100000L + k).append(",NSE:RELIANCE,1400,").append(k).append(",0,0,0,0,0\n");
    }
    ReplayFeed feed = ReplayFeed.of(REPO, write("q.csv", sb.toString()));
    List<Quote> delivered = new ArrayList<>();

    feed.run(q -> {
      delivered.add(q);
      if (delivered.size() == 10) {
        feed.close();
      }
    });

    assertThat(delivered).hasSize(10);
    assertThat(delivered.stream().map(Quote::dayVolume).collect(Collectors.toList())).startsWith(0L, 1L, 2L);
  }
}
