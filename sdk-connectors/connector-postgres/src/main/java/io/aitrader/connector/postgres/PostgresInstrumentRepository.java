package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.core.instruments.GrowwInstrumentCsv;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link InstrumentRepository} over the PostgreSQL table {@code instruments}, with the semantics of the embedded
 * {@code InMemoryInstrumentRepository}: lookups ignore case and surrounding blanks, when two instruments share a
 * Groww symbol or exchange token the first loaded wins, {@link #all()} keeps load order, and {@link #search} returns
 * symbol or name prefix matches, exact symbol first, then by symbol, exchange and id.
 *
 * <pre>{@code
 * PostgresInstrumentRepository instruments = connector.instruments();
 * instruments.loadCsv(Path.of("instrument.csv"));      // Groww's master: COPY, ~100 k rows/s and more
 * instruments.search("hdfc", 5);
 * }</pre>
 *
 * <p>{@link #load} replaces the whole master in one transaction (TRUNCATE + COPY): other processes see the old master
 * until it commits (their lookups wait while it runs); ids must be unique, ignoring case. Each lookup is one indexed
 * query (prefix search uses range scans of the {@code upper(trading_symbol)} and {@code upper(name)} indexes): cache
 * what a hot path needs. Thread-safe.
 */
public final class PostgresInstrumentRepository implements InstrumentRepository {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresInstrumentRepository.class);
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int COPY_CHUNK_CHARS = 64 * 1024;
  /** The greatest code point: every string starting with a prefix sorts below {@code prefix + MAX}. */
  private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));
  private static final String SEARCH = "SELECT * FROM instruments WHERE"
      + " (upper(trading_symbol) ~>=~ ? AND upper(trading_symbol) ~<~ ? AND starts_with(upper(trading_symbol), ?))"
      + " OR (upper(name) ~>=~ ? AND upper(name) ~<~ ? AND starts_with(upper(name), ?))"
      + " ORDER BY upper(trading_symbol) <> ?, upper(trading_symbol) COLLATE \"C\", exchange_rank, id COLLATE \"C\""
      + " LIMIT ?";

  private final DataSource dataSource;

  PostgresInstrumentRepository(DataSource dataSource) {
    this.dataSource = required(dataSource, "dataSource");
  }

  /** The repository on {@code dataSource}, whose schema {@link Migrations#bundled()} has migrated. */
  public static PostgresInstrumentRepository on(DataSource dataSource) {
    return new PostgresInstrumentRepository(dataSource);
  }

  /** Replaces the stored master with a Groww-format CSV file (UTF-8); the first bad row fails. Returns the count. */
  public int loadCsv(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return loadCsv(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instrument master " + file, e);
    }
  }

  /** Replaces the stored master with a Groww-format CSV ({@link GrowwInstrumentCsv}); returns the count. */
  public int loadCsv(Reader in, String source) {
    return load(GrowwInstrumentCsv.read(in, source));
  }

  /**
   * Replaces the stored master with {@code instruments}, in one transaction, bulk-loaded with COPY; returns the count.
   *
   * @throws ValidationException when two instruments share an id (ignoring case); the stored master is then unchanged
   */
  public int load(Collection<Instrument> instruments) {
    required(instruments, "instruments");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("TRUNCATE instruments");
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY instruments (" + InstrumentRows.COLUMNS + ") FROM STDIN (FORMAT csv)");
        try {
          StringBuilder chunk = new StringBuilder(COPY_CHUNK_CHARS + 1024);
          int ord = 0;
          for (Instrument i : instruments) {
            InstrumentRows.appendCsv(chunk, i, ord++);
            if (chunk.length() >= COPY_CHUNK_CHARS) {
              write(copy, chunk);
            }
          }
          write(copy, chunk);
          copy.endCopy();
        } finally {
          if (copy.isActive()) {
            copy.cancelCopy();
          }
        }
        c.commit();
        LOG.info("instrument master replaced: {} instruments", instruments.size());
        return instruments.size();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new ValidationException("InstrumentRepository.id", "InstrumentRepository.id must be unique (ignoring"
            + " case); the master was not loaded: " + e.getMessage());
      }
      throw PostgresOrderStore.failed("load the instrument master", e);
    }
  }

  private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
  }

  @Override
  public Optional<Instrument> find(Exchange exchange, String tradingSymbol) {
    required(exchange, "exchange");
    required(tradingSymbol, "tradingSymbol");
    return findById(exchange.name() + ":" + tradingSymbol.trim());
  }

  @Override
  public Optional<Instrument> findById(String id) {
    required(id, "id");
    return first(query("SELECT * FROM instruments WHERE upper(id) = ?", key(id)));
  }

  @Override
  public Optional<Instrument> findByGrowwSymbol(String growwSymbol) {
    required(growwSymbol, "growwSymbol");
    return first(query("SELECT * FROM instruments WHERE upper(groww_symbol) = ? ORDER BY ord LIMIT 1",
        key(growwSymbol)));
  }

  @Override
  public Optional<Instrument> findByExchangeToken(Exchange exchange, String exchangeToken) {
    required(exchange, "exchange");
    required(exchangeToken, "exchangeToken");
    return first(query("SELECT * FROM instruments WHERE exchange = ? AND upper(exchange_token) = ? ORDER BY ord"
        + " LIMIT 1", exchange.name(), key(exchangeToken)));
  }

  /**
   * Instruments whose trading symbol or name starts with {@code prefix}, ignoring case: exact symbol matches first,
   * then by symbol, exchange and id; at most {@code limit}. A blank prefix matches everything.
   */
  @Override
  public List<Instrument> search(String prefix, int limit) {
    required(prefix, "prefix");
    check(limit >= 0, "search.limit", "must be >= 0", limit);
    String p = key(prefix);
    return query(SEARCH, p, p + MAX, p, p, p + MAX, p, p, limit);
  }

  @Override
  public List<Instrument> all() {
    return query("SELECT * FROM instruments ORDER BY ord");
  }

  /** How many instruments are stored. */
  public int size() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM instruments")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw PostgresOrderStore.failed("count instruments", e);
    }
  }

  private List<Instrument> query(String sql, Object... params) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int k = 0; k < params.length; k++) {
        p.setObject(k + 1, params[k]);
      }
      List<Instrument> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(InstrumentRows.read(rs));
        }
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw PostgresOrderStore.failed("read instruments", e);
    }
  }

  private static Optional<Instrument> first(List<Instrument> found) {
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static String key(String s) {
    return s.trim().toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "PostgresInstrumentRepository";
  }
}
