package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.core.portfolio.DefaultPortfolioService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Portfolio snapshots in the PostgreSQL table {@code portfolio_snapshots}: the text of
 * {@link DefaultPortfolioService#saveState()} per named portfolio with the time it was taken, so a restarted process
 * resumes exactly where it stopped.
 *
 * <pre>{@code
 * PostgresPortfolioSnapshots snapshots = connector.portfolioSnapshots(50);      // keep the latest 50 per portfolio
 * snapshots.save("live", portfolio, clock.currentTimeMillis());                // e.g. on every bar close
 * DefaultPortfolioService resumed = snapshots.restoreLatest("live", instruments)
 *     .orElseGet(() -> DefaultPortfolioService.builder().startingCash(cash).build());
 * }</pre>
 *
 * <p>Each {@link #save} inserts the snapshot and prunes that portfolio's older ones beyond the retention in one
 * transaction: a reader sees the old latest or the new one, never none. The latest is the greatest
 * {@code takenAtMillis} (the later save on a tie). Thread-safe.
 */
public final class PostgresPortfolioSnapshots {
  private static final int MAX_NAME = 64;

  private final DataSource dataSource;
  private final int retain;

  /**
   * One saved state.
   *
   * @param portfolio     the portfolio's name, non-blank, at most 64 characters
   * @param takenAtMillis when it was taken, epoch milliseconds, > 0
   * @param state         the text of {@link DefaultPortfolioService#saveState()}
   */
  public record Snapshot(String portfolio, long takenAtMillis, String state) {
    /** Validates every component. */
    public Snapshot {
      requireText(portfolio, "Snapshot.portfolio");
      check(portfolio.length() <= MAX_NAME, "Snapshot.portfolio", "must be at most " + MAX_NAME + " characters",
          portfolio);
      check(takenAtMillis > 0, "Snapshot.takenAtMillis", "must be > 0", takenAtMillis);
      requireText(state, "Snapshot.state");
    }
  }

  PostgresPortfolioSnapshots(DataSource dataSource, int retain) {
    this.dataSource = required(dataSource, "dataSource");
    check(retain >= 1, "PostgresPortfolioSnapshots.retain", "must be >= 1", retain);
    this.retain = retain;
  }

  /** Snapshots on {@code dataSource} (migrated by {@link Migrations#bundled()}), keeping {@code retain} per portfolio. */
  public static PostgresPortfolioSnapshots on(DataSource dataSource, int retain) {
    return new PostgresPortfolioSnapshots(dataSource, retain);
  }

  /** Saves {@code portfolio}'s current state under {@code name}, taken at {@code atMillis}. */
  public Snapshot save(String name, DefaultPortfolioService portfolio, long atMillis) {
    required(portfolio, "portfolio");
    return save(new Snapshot(name, atMillis, portfolio.saveState()));
  }

  /** Saves {@code snapshot} and prunes that portfolio's snapshots beyond the retention, in one transaction. */
  public Snapshot save(Snapshot snapshot) {
    required(snapshot, "snapshot");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO portfolio_snapshots (portfolio, taken_at_millis, state) VALUES (?, ?, ?)")) {
          p.setString(1, snapshot.portfolio());
          p.setLong(2, snapshot.takenAtMillis());
          p.setString(3, snapshot.state());
          p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM portfolio_snapshots WHERE portfolio = ? AND id NOT IN"
            + " (SELECT id FROM portfolio_snapshots WHERE portfolio = ? ORDER BY taken_at_millis DESC, id DESC LIMIT ?)")) {
          p.setString(1, snapshot.portfolio());
          p.setString(2, snapshot.portfolio());
          p.setInt(3, retain);
          p.executeUpdate();
        }
        c.commit();
        return snapshot;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw PostgresOrderStore.failed("save a snapshot of portfolio " + snapshot.portfolio(), e);
    }
  }

  /** The latest snapshot of {@code portfolio}, if any was saved. */
  public Optional<Snapshot> latest(String portfolio) {
    List<Snapshot> found = query(portfolio, 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The kept snapshots of {@code portfolio}, latest first. */
  public List<Snapshot> history(String portfolio) {
    return query(portfolio, retain);
  }

  /**
   * A portfolio service resumed from the latest snapshot of {@code portfolio}, resolving its instruments with
   * {@code instruments}; empty when none was saved.
   *
   * @throws io.aitrader.api.ValidationException when the stored state cannot be read (see
   *     {@link DefaultPortfolioService#restore})
   */
  public Optional<DefaultPortfolioService> restoreLatest(String portfolio, InstrumentRepository instruments) {
    required(instruments, "instruments");
    return latest(portfolio).map(s -> DefaultPortfolioService.restore(s.state(), instruments::findById));
  }

  private List<Snapshot> query(String portfolio, int limit) {
    requireText(portfolio, "portfolio");
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("SELECT portfolio,"
        + " taken_at_millis, state FROM portfolio_snapshots WHERE portfolio = ? ORDER BY taken_at_millis DESC, id DESC"
        + " LIMIT ?")) {
      p.setString(1, portfolio);
      p.setInt(2, limit);
      List<Snapshot> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new Snapshot(rs.getString(1), rs.getLong(2), rs.getString(3)));
        }
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw PostgresOrderStore.failed("read snapshots of portfolio " + portfolio, e);
    }
  }
}
