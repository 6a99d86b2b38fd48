package io.aitrader.groww.rest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once per process, which variant of an UNCONFIRMED part of Groww's protocol was seen (OHLC as an object or
 * as a string, candle times with a space or a {@code T}, the token at the top level or in {@code payload}, …), so
 * the first live run settles the open questions of the protocol reference.
 */
final class Variants {
  private static final Logger LOG = LoggerFactory.getLogger(Variants.class);
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private Variants() {}

  /** Logs {@code question: variant} at INFO the first time this pair is seen. Cheap after that. */
  static void seen(String question, String variant) {
    if (SEEN.add(question + '\u0000' + variant)) {
      LOG.info("Groww protocol variant seen: {} = {}", question, variant);
    }
  }
}
