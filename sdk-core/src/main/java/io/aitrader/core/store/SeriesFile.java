package io.aitrader.core.store;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.market.BarInterval;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only file of one series (see {@link EmbeddedMarketStore} for the format): checked and repaired on open,
 * created on the first append, appended to with a forced write per batch, read whole on the first query. Not
 * thread-safe: {@link Series} guards it.
 */
final class SeriesFile {
  static final int VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(SeriesFile.class);
  private static final int CHUNK_BYTES = 1 << 20;

  private final Path root;
  private final Path path;
  private final RecordFormat format;
  private final String instrumentId;
  private final @Nullable BarInterval interval;
  private @Nullable FileChannel channel;
  /** The length of the header; 0 while the file does not exist. */
  private long headerLength;
  /** The length of the header and the complete records; 0 while the file does not exist. */
  private long end;
  private boolean broken;

  private SeriesFile(Path root, Path path, RecordFormat format, String instrumentId, @Nullable BarInterval interval,
      long headerLength, long end) {
    this.root = root;
    this.path = path;
    this.format = format;
    this.instrumentId = instrumentId;
    this.interval = interval;
    this.headerLength = headerLength;
    this.end = end;
  }

  /** The file of a series not stored yet: created by the first append. */
  static SeriesFile absent(Path root, Path path, RecordFormat format, String instrumentId,
      @Nullable BarInterval interval) {
    return new SeriesFile(root, path, format, instrumentId, interval, 0, 0);
  }

  /**
   * Checks the header of an existing file and drops a record cut short by a crash. Returns null and adds to
   * {@code problems} when the file is not one this store can use.
   */
  static @Nullable SeriesFile inspect(Path root, Path path, RecordFormat format, @Nullable BarInterval interval,
      List<String> problems) {
    try {
      long size = Files.size(path);
      String id;
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 512))) {
        int magic = in.readInt();
        if (magic != format.magic()) {
          problems.add(bad(root, path, String.format("does not start with the %s file mark 0x%08X (found 0x%08X)",
              format.what(), format.magic(), magic)));
          return null;
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
          problems.add(bad(root, path, "has format version " + version + ", this SDK reads version " + VERSION
              + " (open it with the SDK version that wrote it)"));
          return null;
        }
        int recordSize = in.readUnsignedShort();
        if (recordSize != format.recordSize()) {
          problems.add(bad(root, path, "declares " + recordSize + "-byte records, " + format.what() + " records are "
              + format.recordSize() + " bytes"));
          return null;
        }
        id = in.readUTF();
        if (interval != null) {
          String label = in.readUTF();
          if (!label.equals(interval.label())) {
            problems.add(bad(root, path, "holds '" + label + "' bars but lies in the " + interval.label()
                + " directory"));
            return null;
          }
        }
      } catch (EOFException e) {
        problems.add(bad(root, path, "is shorter than its header (" + size + " bytes)"));
        return null;
      } catch (UTFDataFormatException e) {
        problems.add(bad(root, path, "has a damaged instrument id in its header"));
        return null;
      }
      String expected = FileNames.of(id) + format.extension();
      if (!expected.equals(String.valueOf(path.getFileName()))) {
        problems.add(bad(root, path, "holds " + id + ", whose file is named " + expected
            + " (renamed or copied into the wrong place?)"));
        return null;
      }
      long headerLength = header(format, id, interval).length;
      long torn = (size - headerLength) % format.recordSize();
      if (torn != 0) {
        LOG.warn("market store file {}: dropping its last {} bytes, a {} record cut short by a crash "
            + "(the append that wrote it never returned)", path, torn, format.what());
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.WRITE)) {
          c.truncate(size - torn);
          c.force(true);
        }
      }
      return new SeriesFile(root, path, format, id, interval, headerLength, size - torn);
    } catch (IOException e) {
      problems.add(bad(root, path, "cannot be read: " + e));
      return null;
    }
  }

  private static String bad(Path root, Path path, String what) {
    return "market store file " + path + " " + what + "; move it out of " + root
        + " (or restore it from a backup) and open the store again: its series is then empty until re-imported";
  }

  /** The header: magic, format version, record size, instrument id and, for bars, the interval label. */
  static byte[] header(RecordFormat format, String instrumentId, @Nullable BarInterval interval) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(format.magic());
      out.writeShort(VERSION);
      out.writeShort(format.recordSize());
      out.writeUTF(instrumentId);
      if (interval != null) {
        out.writeUTF(interval.label());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the header of " + instrumentId, e);
    }
    return bytes.toByteArray();
  }

  String instrumentId() {
    return instrumentId;
  }

  Path path() {
    return path;
  }

  /** Writes the rows of {@code batch} as records after the last complete one and forces them to disk. */
  void append(Columns batch) {
    if (broken) {
      throw new IllegalStateException("market store file " + path + " could not be restored after a failed write; "
          + "close and reopen the store (opening drops the partial record)");
    }
    int n = batch.size();
    if (n == 0) {
      return;
    }
    int size = format.recordSize();
    FileChannel c;
    try {
      c = channel();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create market store file " + path + " (is " + root
          + " writable, is the disk full?)", e);
    }
    long start = end;
    try {
      long position = start;
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min((long) n * size, CHUNK_BYTES / size * size));
      for (int row = 0; row < n; row++) {
        if (buffer.remaining() < size) {
          position += writeFully(c, buffer, position);
        }
        format.write(batch, row, buffer);
      }
      position += writeFully(c, buffer, position);
      c.force(true);
      end = position;
    } catch (IOException e) {
      undo(c, start, e);
      throw new UncheckedIOException("cannot append " + n + " " + format.what() + "s to market store file " + path
          + " (disk full, or the file removed?)", e);
    }
  }

  /** Cuts off what a failed append may have written, so the next append starts at a record boundary. */
  private void undo(FileChannel c, long start, IOException failure) {
    try {
      c.truncate(start);
    } catch (IOException e) {
      failure.addSuppressed(e);
      broken = true;
    }
  }

  private static int writeFully(FileChannel c, ByteBuffer buffer, long position) throws IOException {
    buffer.flip();
    int written = 0;
    while (buffer.hasRemaining()) {
      written += c.write(buffer, position + written);
    }
    buffer.clear();
    return written;
  }

  private FileChannel channel() throws IOException {
    FileChannel c = channel;
    if (c == null) {
      if (end == 0) {
        create();
      }
      c = FileChannel.open(path, StandardOpenOption.WRITE);
      channel = c;
    }
    return c;
  }

  /** Writes the header to a temporary file and renames it: the file appears whole or not at all. */
  private void create() throws IOException {
    Path dir = path.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      for (Path d = dir.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
        syncDirectory(d);
      }
    }
    byte[] header = header(format, instrumentId, interval);
    Path temporary = dir.resolve(path.getFileName() + ".tmp");
    try (FileChannel c = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.allocate(header.length);
      buffer.put(header);
      writeFully(c, buffer, 0);
      c.force(true);
    }
    Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(dir);
    headerLength = header.length;
    end = header.length;
  }

  /** Makes a new directory entry durable where the platform allows it (Linux, macOS; not Windows). */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("cannot force the directory {} to disk ({}); relying on the file system to keep its entries", dir,
          e.toString());
    }
  }

  /** Every complete record of the file, in file order; none when the file does not exist yet. */
  Columns readAll() {
    long records = end == 0 ? 0 : (end - headerLength) / format.recordSize();
    if (records > Columns.MAX_ROWS) {
      throw new IllegalStateException("market store file " + path + " holds " + records + " " + format.what()
          + "s, more than one series may hold (" + Columns.MAX_ROWS + ")");
    }
    Columns rows = new Columns(format.width(), (int) records);
    if (records == 0) {
      return rows;
    }
    int size = format.recordSize();
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES / size * size);
      long position = headerLength;
      long remaining = records * size;
      while (remaining > 0) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
        while (buffer.hasRemaining()) {
          if (in.read(buffer, position + buffer.position()) < 0) {
            throw new EOFException("the file ended at byte " + (position + buffer.position()) + ", before byte " + end
                + "; was it changed while the store was open?");
          }
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
          int row = rows.addRow();
          format.read(buffer, rows, row);
          String problem = format.problem(rows, row);
          if (problem != null) {
            throw new ConfigurationException("market store file " + path + ": " + format.what() + " record " + row
                + " (at byte " + (headerLength + (long) row * size) + ") is damaged: " + problem
                + "; restore the file from a backup, or move it out of " + root + " and re-import the series");
          }
        }
        position += buffer.limit();
        remaining -= buffer.limit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read market store file " + path, e);
    }
    return rows;
  }

  void close() throws IOException {
    FileChannel c = channel;
    channel = null;
    if (c != null) {
      c.close();
    }
  }
}
