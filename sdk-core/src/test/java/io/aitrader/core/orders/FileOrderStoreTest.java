package io.aitrader.core.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.order.OrderStore;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.testing.orders.OrderStoreContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOrderStoreTest extends OrderStoreContract {
  private static final InMemoryInstrumentRepository INSTRUMENTS = InMemoryInstrumentRepository.of(List.of(INSTRUMENT));
  private static final long T0 = 1_736_135_100_000L;

  @TempDir Path dir;
  private int opened;
  private Path current = Path.of("unset");

  @Override
  protected OrderStore openStore() {
    current = dir.resolve("orders-" + (++opened) + ".journal");
    return FileOrderStore.open(current, INSTRUMENTS);
  }

  @Override
  protected OrderStore reopenStore() {
    return FileOrderStore.open(current, INSTRUMENTS);
  }

  @Override
  protected boolean isDurable() {
    return true;
  }

  @Test
  void aLineCutShortByACrashIsDroppedAndTheJournalStaysAppendable() throws IOException {
    Path file = dir.resolve("torn.journal");
    try (OrderStore store = FileOrderStore.open(file, INSTRUMENTS)) {
      store.recordIntent(request("kit-000001", 10), T0);
    }
    Files.writeString(file, "I\t1736135100001\tNSE:KITST", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    try (OrderStore store = FileOrderStore.open(file, INSTRUMENTS)) {
      assertThat(store.orders()).hasSize(1);
      store.recordIntent(request("kit-000002", 10), T0 + 1);
    }
    try (OrderStore store = FileOrderStore.open(file, INSTRUMENTS)) {
      assertThat(store.orders()).extracting(o -> o.referenceId()).containsExactly("kit-000001", "kit-000002");
    }
  }

  @Test
  void aDamagedLineIsAClearErrorNamingTheLine() throws IOException {
    Path file = dir.resolve("damaged.journal");
    try (OrderStore store = FileOrderStore.open(file, INSTRUMENTS)) {
      store.recordIntent(request("kit-000001", 10), T0);
    }
    Files.writeString(file, "S\tgarbage\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThatThrownBy(() -> FileOrderStore.open(file, INSTRUMENTS)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("order journal line 3");
  }

  @Test
  void aFileThatIsNotAJournalIsRefused() throws IOException {
    Path file = dir.resolve("other.txt");
    Files.writeString(file, "hello\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FileOrderStore.open(file, INSTRUMENTS)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("line 1").hasMessageContaining("header");
  }
}
