package io.aitrader.groww.fake.nats;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import java.util.List;
import java.util.Locale;

/**
 * The Groww live-feed subjects (protocol reference §5.2), written out for the fake's publisher: LTP, market depth
 * and index value per exchange, segment and exchange token, and the account streams per subscription id. Only NSE
 * and BSE, and only CASH ({@code eq}) and FNO ({@code fo}), have subjects; anything else is refused. Stateless.
 *
 * <pre>{@code
 * server.publish(FeedSubjects.ltp(Exchange.NSE, Segment.CASH, "2885"), ltpBytes);
 * server.publish(FeedSubjects.orderUpdates(Segment.CASH, server.subscriptionId()), orderBytes);
 * }</pre>
 */
public final class FeedSubjects {

  private FeedSubjects() {}

  /** {@code /ld/eq/nse/price.2885}: last traded price of an equity or F&O instrument. */
  public static String ltp(Exchange exchange, Segment segment, String exchangeToken) {
    return "/ld/" + market(segment) + "/" + exchange(exchange) + "/price." + token(exchangeToken);
  }

  /** {@code /ld/eq/nse/book.2885}: five-level market depth. */
  public static String depth(Exchange exchange, Segment segment, String exchangeToken) {
    return "/ld/" + market(segment) + "/" + exchange(exchange) + "/book." + token(exchangeToken);
  }

  /** {@code /ld/indices/nse/price.NIFTY}: index value. */
  public static String index(Exchange exchange, String exchangeToken) {
    return "/ld/indices/" + exchange(exchange) + "/price." + token(exchangeToken);
  }

  /** {@code stocks/order/updates.apex.{sid}} (CASH) or {@code stocks_fo/order/updates.apex.{sid}} (FNO). */
  public static String orderUpdates(Segment segment, String subscriptionId) {
    return (market(segment).equals("eq") ? "stocks" : "stocks_fo") + "/order/updates.apex." + token(subscriptionId);
  }

  /** {@code stocks_fo/position/updates.apex.{sid}}: F&O position updates (there is no equity stream). */
  public static String positionUpdates(String subscriptionId) {
    return "stocks_fo/position/updates.apex." + token(subscriptionId);
  }

  /**
   * What a user holding {@code subscriptionId} may subscribe to: every market-data subject (wildcard on the token)
   * and its own three account streams. The fake's user JWTs carry exactly this list.
   */
  public static List<String> allowedFor(String subscriptionId) {
    String sid = token(subscriptionId);
    return List.of(
        "/ld/eq/nse/price.*", "/ld/eq/bse/price.*", "/ld/fo/nse/price.*", "/ld/fo/bse/price.*",
        "/ld/eq/nse/book.*", "/ld/eq/bse/book.*", "/ld/fo/nse/book.*", "/ld/fo/bse/book.*",
        "/ld/eq/nse/price_detailed.*", "/ld/eq/bse/price_detailed.*",
        "/ld/fo/nse/price_detailed.*", "/ld/fo/bse/price_detailed.*",
        "/ld/indices/nse/price.*", "/ld/indices/bse/price.*",
        "stocks/order/updates.apex." + sid, "stocks_fo/order/updates.apex." + sid,
        "stocks_fo/position/updates.apex." + sid);
  }

  private static String exchange(Exchange exchange) {
    ValidationException.check(
        exchange == Exchange.NSE || exchange == Exchange.BSE, "FeedSubjects.exchange", "must be NSE or BSE", exchange);
    return exchange.name().toLowerCase(Locale.ROOT);
  }

  private static String market(Segment segment) {
    ValidationException.check(
        segment == Segment.CASH || segment == Segment.FNO, "FeedSubjects.segment", "must be CASH or FNO", segment);
    return segment == Segment.CASH ? "eq" : "fo";
  }

  /** One NATS subject token: not blank, no dot, wildcard or whitespace. */
  static String token(String token) {
    ValidationException.requireText(token, "FeedSubjects.token");
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      ValidationException.check(
          c != '.' && c != '*' && c != '>' && !Character.isWhitespace(c),
          "FeedSubjects.token",
          "must be one subject token (no '.', '*', '>' or whitespace)",
          "'" + token + "'");
    }
    return token;
  }
}
