package io.aitrader.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the SDK contract on the class path, read from the build. Events and stored data record it so a
 * result can be traced to the code that made it.
 *
 * <pre>{@code
 * String v = SdkVersion.version();   // "0.1.0-SNAPSHOT"
 * }</pre>
 */
public final class SdkVersion {
  private static final String VERSION = load();

  private SdkVersion() {}

  /** The Maven version of {@code sdk-api}, e.g. {@code 0.1.0}. */
  public static String version() {
    return VERSION;
  }

  /** The major version: types and interfaces only change incompatibly when it changes (after 1.0). */
  public static int major() {
    return Integer.parseInt(VERSION.split("[.-]")[0]);
  }

  private static String load() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("sdk-version.properties is missing from sdk-api: a broken build");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      if (v.isBlank() || v.startsWith("${")) {
        throw new IllegalStateException("sdk-version.properties has no filtered version ('" + v + "'): a broken build");
      }
      return v.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
