package io.aitrader.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.core.instruments.GrowwInstrumentCsv;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL instrument master answers exactly like the embedded in-memory repository over the same master. */
class PostgresInstrumentRepositoryTest {
  private static PostgresConnector connector;

  @BeforeAll
  static void connect() {
    connector = TestDatabases.connector("instruments");
  }

  @AfterAll
  static void disconnect() {
    connector.close();
  }

  @Test
  void theBundledMasterAnswersLikeTheInMemoryRepository() {
    InMemoryInstrumentRepository reference = InMemoryInstrumentRepository.bundledNse();
    PostgresInstrumentRepository repo = connector.instruments();
    String csv = GrowwInstrumentCsv.toCsv(reference.all());

    int loaded = repo.loadCsv(new StringReader(csv), "bundled");

    assertThat(loaded).isEqualTo(reference.all().size());
    assertThat(repo.all()).containsExactlyElementsOf(reference.all());
    for (Instrument i : reference.all()) {
      assertThat(repo.findById(i.id().toLowerCase())).contains(i);
      assertThat(repo.find(i.exchange(), " " + i.tradingSymbol() + " ")).contains(i);
      assertThat(repo.findByGrowwSymbol(i.growwSymbol())).isEqualTo(reference.findByGrowwSymbol(i.growwSymbol()));
      assertThat(repo.findByExchangeToken(i.exchange(), i.exchangeToken()))
          .isEqualTo(reference.findByExchangeToken(i.exchange(), i.exchangeToken()));
    }
    for (String prefix : prefixesOf(reference.all())) {
      assertThat(repo.search(prefix, 7)).as("search '%s'", prefix).isEqualTo(reference.search(prefix, 7));
    }
    assertThat(repo.findById("NSE:NOSUCHTHING")).isEmpty();
    assertThat(repo.search("zzzz", 5)).isEmpty();
  }

  @Test
  void aGenerated100kMasterLoadsWithCopyAndIsSearchedThroughTheIndexes() throws SQLException {
    List<Instrument> master = generated(100_000);
    String csv = GrowwInstrumentCsv.toCsv(master);
    PostgresInstrumentRepository repo = connector.instruments();

    long start = System.nanoTime();
    List<Instrument> parsed = GrowwInstrumentCsv.read(new StringReader(csv), "generated");
    long parsedAt = System.nanoTime();
    int loaded = repo.load(parsed);
    long copied = System.nanoTime();
    System.out.printf("100k master (%d KB CSV): parse %d ms, TRUNCATE + COPY + commit %d ms%n", csv.length() / 1024,
        (parsedAt - start) / 1_000_000, (copied - parsedAt) / 1_000_000);

    assertThat(loaded).isEqualTo(100_000);
    InMemoryInstrumentRepository reference = InMemoryInstrumentRepository.of(master);
    assertThat(repo.size()).isEqualTo(100_000);
    for (String prefix : List.of("SYM0", "SYM01234", "sym09999", "BANKNIFTY", "BANKNIFTY25", "COMPANY 7", "N", "")) {
      assertThat(repo.search(prefix, 10)).as("search '%s'", prefix).isEqualTo(reference.search(prefix, 10));
    }
    Instrument option = master.get(99_999);
    assertThat(repo.findByExchangeToken(option.exchange(), option.exchangeToken())).contains(option);
    assertThat(explain("SYM0123")).contains("instruments_symbol_prefix").contains("instruments_name_prefix");
  }

  @Test
  void aDuplicateIdFailsTheLoadAndKeepsTheOldMaster() {
    PostgresInstrumentRepository repo = connector.instruments();
    List<Instrument> good = generated(10);
    repo.load(good);
    List<Instrument> twice = new ArrayList<>(generated(3));
    twice.add(twice.get(1).toBuilder().exchangeToken("777").build());

    assertThatThrownBy(() -> repo.load(twice)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("InstrumentRepository.id").hasMessageContaining("SYM000001");
    assertThat(repo.all()).containsExactlyElementsOf(good);
  }

  @Test
  void textWithQuotesCommasAndLineBreaksSurvivesCopy() {
    PostgresInstrumentRepository repo = connector.instruments();
    Instrument odd = Instrument.builder().exchange(Exchange.BSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol("ODD\"SYM").exchangeToken("500001").name("Odd, \"Quoted\"\nLtd").tickSize(Price.of("0.01"))
        .build();

    repo.load(List.of(odd));

    assertThat(repo.findById("BSE:ODD\"SYM")).contains(odd);
    assertThat(repo.search("odd, \"q", 5)).containsExactly(odd);
  }

  private static String explain(String prefix) throws SQLException {
    StringBuilder plan = new StringBuilder();
    String sql = "EXPLAIN SELECT * FROM instruments WHERE"
        + " (upper(trading_symbol) ~>=~ ? AND upper(trading_symbol) ~<~ ?) OR (upper(name) ~>=~ ? AND upper(name) ~<~ ?)";
    try (Connection c = connector.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, prefix);
      p.setString(2, prefix + "\uDBFF\uDFFF");
      p.setString(3, prefix);
      p.setString(4, prefix + "\uDBFF\uDFFF");
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static Set<String> prefixesOf(List<Instrument> all) {
    Set<String> prefixes = new LinkedHashSet<>(List.of("", "a", "Hdfc", "nifty", "TATA", "bank", "S"));
    for (Instrument i : all) {
      for (int n = 1; n <= Math.min(4, i.tradingSymbol().length()); n++) {
        prefixes.add(i.tradingSymbol().substring(0, n));
      }
      prefixes.add(i.name().substring(0, Math.min(5, i.name().length())).toLowerCase());
    }
    return prefixes;
  }

  /** {@code n} instruments: mostly cash equities on NSE and BSE, every tenth an index option. */
  static List<Instrument> generated(int n) {
    List<Instrument> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      String id = String.format("%06d", k);
      Instrument.Builder b = Instrument.builder().exchangeToken(Integer.toString(100_000 + k))
          .tickSize(Price.of("0.05"));
      if (k % 10 == 9) {
        b.exchange(Exchange.NSE).segment(Segment.FNO).type(k % 20 == 9 ? InstrumentType.CE : InstrumentType.PE)
            .tradingSymbol("BANKNIFTY25" + id).underlying("BANKNIFTY").expiry(LocalDate.of(2025, 12, 30))
            .strike(Price.ofRupees(40_000 + k)).lotSize(35).freezeQuantity(1050).name("BANKNIFTY option " + id);
      } else {
        b.exchange(k % 3 == 0 ? Exchange.BSE : Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
            .tradingSymbol("SYM" + id).name("Company " + id + " Ltd").isin("INE" + id + "01010");
      }
      out.add(b.build());
    }
    return out;
  }
}
