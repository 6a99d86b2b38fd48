package io.aitrader.core.orders;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.order.StoredOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OrderStore} that appends every intent, state and failure to a journal file and forces it to disk before
 * returning, so an order recorded as decided is on disk before any broker hears of it. Opening the file replays the
 * journal; a last line cut short by a crash (no newline) is dropped with a warning — that write never returned, so no
 * broker call followed it.
 *
 * <pre>{@code
 * OrderStore store = FileOrderStore.open(Path.of("state/orders.journal"), instruments);
 * }</pre>
 *
 * <p>One process per file. Thread-safe (synchronized). A line that cannot be read fails {@link #open} with a
 * {@link ConfigurationException} naming the line.
 */
public final class FileOrderStore implements OrderStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileOrderStore.class);

  private final Path path;
  private final InMemoryOrderStore index = new InMemoryOrderStore();
  private final FileChannel channel;
  private boolean closed;

  private FileOrderStore(Path path, InstrumentRepository instruments) throws IOException {
    this.path = path;
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    long keep = Files.exists(path) ? replay(instruments) : -1;
    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (keep < 0) {
      channel.truncate(0);
      append(JournalCodec.HEADER + "\n");
    } else {
      channel.truncate(keep);
      channel.position(keep);
    }
  }

  /** Opens (or creates) the journal at {@code path}; instruments resolve the ids it holds. */
  public static FileOrderStore open(Path path, InstrumentRepository instruments) {
    required(path, "path");
    required(instruments, "instruments");
    try {
      return new FileOrderStore(path, instruments);
    } catch (IOException e) {
      throw new ConfigurationException("cannot open the order journal " + path + ": " + e.getMessage()
          + " (check that the directory exists and is writable)", e);
    }
  }

  /** Replays the journal into the index; returns the length of its complete lines. */
  private long replay(InstrumentRepository instruments) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n') + 1;
    if (end < text.length()) {
      LOG.warn("order journal {}: dropping an incomplete last line ({} bytes) left by a crash", path,
          text.length() - end);
    }
    String[] lines = text.substring(0, end).split("\n", -1);
    if (end == 0 || !lines[0].equals(JournalCodec.HEADER)) {
      if (end == 0 && text.isEmpty()) {
        return -1;
      }
      throw JournalCodec.bad(1, "expected the header '" + JournalCodec.HEADER + "'");
    }
    for (int i = 1; i < lines.length - 1; i++) {
      apply(lines[i], i + 1, instruments);
    }
    return text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
  }

  private void apply(String line, int lineNumber, InstrumentRepository instruments) {
    JournalCodec.Line l = JournalCodec.split(line, lineNumber);
    try {
      switch (l.kind()) {
        case 'I':
          index.recordIntent(JournalCodec.request(l.fields(), 1, instruments, lineNumber), Long.parseLong(l.fields().get(0)));
          break;
        case 'S':
          index.recordState(JournalCodec.order(l.fields(), instruments, lineNumber));
          break;
        default:
          index.recordFailure(l.fields().get(0), l.fields().get(2), Long.parseLong(l.fields().get(1)));
          break;
      }
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw JournalCodec.bad(lineNumber, e.getMessage());
    }
  }

  @Override
  public String name() {
    return "file";
  }

  /** The journal file. */
  public Path path() {
    return path;
  }

  @Override
  public synchronized void recordIntent(OrderRequest request, long atMillis) {
    index.recordIntent(request, atMillis); // validates first: nothing invalid reaches the file
    append(JournalCodec.intent(request, atMillis));
  }

  @Override
  public synchronized void recordState(Order order) {
    index.recordState(order);
    append(JournalCodec.state(order));
  }

  @Override
  public synchronized void recordFailure(String referenceId, String reason, long atMillis) {
    index.recordFailure(referenceId, reason, atMillis);
    append(JournalCodec.failure(referenceId, reason, atMillis));
  }

  @Override
  public Optional<StoredOrder> find(String referenceId) {
    return index.find(referenceId);
  }

  @Override
  public List<StoredOrder> orders() {
    return index.orders();
  }

  private void append(String line) {
    if (closed) {
      throw new IllegalStateException("order journal " + path + " is closed");
    }
    ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the order journal " + path + " (disk full or removed?)", e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("closing the order journal {} failed: {}", path, e.getMessage());
    }
  }
}
