package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What makes a backtest repeatable: the content hash of every bar it read and the identity of everything that
 * decided on them. Two runs with equal fingerprints produce byte-identical results.
 *
 * @param dataSha256     SHA-256 (hex) over every bar fed to the run, in feed order (instrument id, interval, open
 *                       and close time, OHLC, volume, turnover, trade count)
 * @param bars           how many bars that is
 * @param strategyId     the strategy's catalog id
 * @param parameters     its parameters, sorted by name
 * @param modelVersion   the version of the model the strategy scores with, or {@code none}
 * @param chargesVersion the version of the charges table ({@code sha256:<12 hex>} of the bundled rates, or a name)
 * @param codeVersion    the SDK version that ran it
 */
public record RunFingerprint(
    String dataSha256,
    long bars,
    String strategyId,
    SortedMap<String, String> parameters,
    String modelVersion,
    String chargesVersion,
    String codeVersion) {
  public RunFingerprint {
    required(dataSha256, "RunFingerprint.dataSha256");
    check(bars >= 0, "RunFingerprint.bars", "must be >= 0", bars);
    required(strategyId, "RunFingerprint.strategyId");
    parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(required(parameters, "RunFingerprint.parameters")));
    required(modelVersion, "RunFingerprint.modelVersion");
    required(chargesVersion, "RunFingerprint.chargesVersion");
    required(codeVersion, "RunFingerprint.codeVersion");
  }

  /** A SHA-256 (hex) over all the fields: one id for "this data through this code with these settings". */
  public String runId() {
    StringBuilder s = new StringBuilder(256);
    s.append("data=").append(dataSha256).append('\n').append("bars=").append(bars).append('\n')
        .append("strategy=").append(strategyId).append('\n');
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      s.append("param.").append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    s.append("model=").append(modelVersion).append('\n').append("charges=").append(chargesVersion).append('\n')
        .append("code=").append(codeVersion).append('\n');
    return sha256Hex(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
