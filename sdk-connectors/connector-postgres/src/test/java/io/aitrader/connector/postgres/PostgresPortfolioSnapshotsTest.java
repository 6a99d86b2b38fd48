package io.aitrader.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.portfolio.DefaultPortfolioService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresPortfolioSnapshotsTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final InMemoryInstrumentRepository INSTRUMENTS = InMemoryInstrumentRepository.bundledNse();
  private static PostgresConnector connector;

  @BeforeAll
  static void connect() {
    connector = TestDatabases.connector("snapshots");
  }

  @AfterAll
  static void disconnect() {
    connector.close();
  }

  private static DefaultPortfolioService tradedPortfolio() {
    Instrument reliance = INSTRUMENTS.findById("NSE:RELIANCE").orElseThrow();
    DefaultPortfolioService p = DefaultPortfolioService.builder().startingCash(Money.of("500000")).build();
    p.apply(new Fill("T1", "GMK1", "snap-000001", reliance, Side.BUY, 10, Price.of("2534.05"), T0, Product.CNC),
        Charges.NONE);
    p.mark(reliance, Price.of("2540.00").units(), T0 + 60_000);
    return p;
  }

  @Test
  void aRestoredPortfolioResumesExactlyFromTheLatestSnapshot() {
    PostgresPortfolioSnapshots snapshots = connector.portfolioSnapshots(10);
    DefaultPortfolioService before = DefaultPortfolioService.builder().startingCash(Money.of("500000")).build();
    snapshots.save("live", before, T0);
    DefaultPortfolioService traded = tradedPortfolio();
    snapshots.save("live", traded, T0 + 60_000);

    DefaultPortfolioService resumed = snapshots.restoreLatest("live", INSTRUMENTS).orElseThrow();

    assertThat(resumed.saveState()).isEqualTo(traded.saveState());
    assertThat(resumed.snapshot()).isEqualTo(traded.snapshot());
    assertThat(snapshots.latest("live").orElseThrow().takenAtMillis()).isEqualTo(T0 + 60_000);
  }

  @Test
  void keepsOnlyTheLatestSnapshotsOfEachPortfolio() {
    PostgresPortfolioSnapshots snapshots = connector.portfolioSnapshots(3);
    String state = tradedPortfolio().saveState();
    for (int k = 0; k < 5; k++) {
      snapshots.save(new PostgresPortfolioSnapshots.Snapshot("pruned", T0 + k, state));
    }
    snapshots.save(new PostgresPortfolioSnapshots.Snapshot("other", T0, state));

    assertThat(snapshots.history("pruned")).extracting(PostgresPortfolioSnapshots.Snapshot::takenAtMillis)
        .containsExactly(T0 + 4, T0 + 3, T0 + 2);
    assertThat(snapshots.history("other")).hasSize(1);
  }

  @Test
  void aPortfolioNeverSavedHasNoSnapshot() {
    PostgresPortfolioSnapshots snapshots = connector.portfolioSnapshots(3);

    assertThat(snapshots.latest("never-saved")).isEmpty();
    assertThat(snapshots.restoreLatest("never-saved", INSTRUMENTS)).isEmpty();
  }

  @Test
  void refusesASnapshotWithoutTimeOrName() {
    assertThatThrownBy(() -> new PostgresPortfolioSnapshots.Snapshot("live", 0, "x"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Snapshot.takenAtMillis");
    assertThatThrownBy(() -> new PostgresPortfolioSnapshots.Snapshot(" ", T0, "x"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Snapshot.portfolio");
  }
}
