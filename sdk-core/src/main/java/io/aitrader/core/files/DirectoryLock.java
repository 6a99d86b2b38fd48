package io.aitrader.core.files;

import io.aitrader.api.ConfigurationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that keeps one writer per store directory: an OS file lock on a lock file, held by the returned channel
 * until it is closed (the OS releases it when the process dies, so a crash never leaves it stuck). Used by the
 * embedded market store and the file audit log. Stateless.
 */
public final class DirectoryLock {
  private DirectoryLock() {}

  /**
   * Creates {@code root} if needed and locks {@code root/lockFile}; close the returned channel to release it.
   *
   * @param whenHeld the message of the {@link ConfigurationException} thrown when another process (or another store
   *                 in this one) holds the lock — say what is open and what to do
   * @throws IOException when the directory or the lock file cannot be created or opened
   */
  public static FileChannel acquire(Path root, String lockFile, String whenHeld) throws IOException {
    Files.createDirectories(root);
    FileChannel channel = FileChannel.open(root.resolve(lockFile), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new ConfigurationException(whenHeld);
    }
    return channel;
  }
}
