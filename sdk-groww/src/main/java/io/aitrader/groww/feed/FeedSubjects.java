package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.check;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;

/**
 * Groww's live-feed subjects (protocol reference §5.2): builds them from (exchange, segment, exchange token) or
 * from the account's {@code subscriptionId}, and parses them back ({@link #parse}).
 *
 * <table>
 *   <caption>Subjects</caption>
 *   <tr><th>kind</th><th>subject</th></tr>
 *   <tr><td>LTP</td><td>{@code /ld/eq/nse/price.<token>}, {@code /ld/fo/bse/price.<token>}</td></tr>
 *   <tr><td>market depth</td><td>{@code /ld/eq/nse/book.<token>}, {@code /ld/fo/nse/book.<token>}</td></tr>
 *   <tr><td>index value</td><td>{@code /ld/indices/nse/price.<token>}, {@code /ld/indices/bse/price.<token>}</td></tr>
 *   <tr><td>order updates</td><td>{@code stocks/order/updates.apex.<sid>} (CASH),
 *       {@code stocks_fo/order/updates.apex.<sid>} (FNO)</td></tr>
 *   <tr><td>position updates</td><td>{@code stocks_fo/position/updates.apex.<sid>} (FNO only)</td></tr>
 * </table>
 *
 * <p>Only NSE/BSE × CASH/FNO are mapped (as in the official SDK); anything else — MCX, COMMODITY, the
 * {@code price_detailed} subjects, which no public SDK method subscribes to — is refused with a
 * {@link ValidationException} naming the part that is not mapped. Stateless and thread-safe.
 *
 * <pre>{@code
 * String s = FeedSubjects.ltp(reliance);                           // "/ld/eq/nse/price.2885"
 * FeedSubject p = FeedSubjects.parse("stocks_fo/order/updates.apex.abc123");
 * p.kind();                                                        // ORDER_UPDATES, segment FNO
 * }</pre>
 */
public final class FeedSubjects {
  private static final String LIVE_DATA = "/ld/";
  private static final String INDICES = "/ld/indices/";
  private static final String CASH_ORDERS = "stocks/order/updates.apex.";
  private static final String FNO_ORDERS = "stocks_fo/order/updates.apex.";
  private static final String FNO_POSITIONS = "stocks_fo/position/updates.apex.";

  private FeedSubjects() {}

  /** The LTP subject of an NSE/BSE CASH or FNO instrument. */
  public static String ltp(Instrument instrument) {
    return ltp(instrument.exchange(), instrument.segment(), instrument.exchangeToken());
  }

  /** {@code /ld/<eq|fo>/<nse|bse>/price.<token>}. */
  public static String ltp(Exchange exchange, Segment segment, String token) {
    return new FeedSubject.Market(FeedKind.LTP, exchange, segment, token).subject();
  }

  /** The market-depth subject of an NSE/BSE CASH or FNO instrument. */
  public static String depth(Instrument instrument) {
    return depth(instrument.exchange(), instrument.segment(), instrument.exchangeToken());
  }

  /** {@code /ld/<eq|fo>/<nse|bse>/book.<token>}. */
  public static String depth(Exchange exchange, Segment segment, String token) {
    return new FeedSubject.Market(FeedKind.MARKET_DEPTH, exchange, segment, token).subject();
  }

  /** The index-value subject of an NSE/BSE index (its exchange token, e.g. {@code NIFTY}). */
  public static String indexValue(Instrument index) {
    return indexValue(index.exchange(), index.exchangeToken());
  }

  /** {@code /ld/indices/<nse|bse>/price.<token>}. */
  public static String indexValue(Exchange exchange, String token) {
    return new FeedSubject.Market(FeedKind.INDEX_VALUE, exchange, Segment.CASH, token).subject();
  }

  /** {@code stocks/order/updates.apex.<sid>} (CASH) or {@code stocks_fo/order/updates.apex.<sid>} (FNO). */
  public static String orderUpdates(Segment segment, String subscriptionId) {
    return new FeedSubject.Account(FeedKind.ORDER_UPDATES, segment, subscriptionId).subject();
  }

  /** {@code stocks_fo/position/updates.apex.<sid>}: F&amp;O position updates (there is no equity stream). */
  public static String positionUpdates(String subscriptionId) {
    return new FeedSubject.Account(FeedKind.POSITION_UPDATES, Segment.FNO, subscriptionId).subject();
  }

  /**
   * Parses a subject string into its kind and keys.
   *
   * @throws ValidationException when the subject is not one of the mapped Groww subjects; the message says which
   *     part is wrong
   */
  public static FeedSubject parse(String subject) {
    ValidationException.requireText(subject, "FeedSubjects.subject");
    if (subject.startsWith(CASH_ORDERS)) {
      return new FeedSubject.Account(FeedKind.ORDER_UPDATES, Segment.CASH, subject.substring(CASH_ORDERS.length()));
    }
    if (subject.startsWith(FNO_ORDERS)) {
      return new FeedSubject.Account(FeedKind.ORDER_UPDATES, Segment.FNO, subject.substring(FNO_ORDERS.length()));
    }
    if (subject.startsWith(FNO_POSITIONS)) {
      return new FeedSubject.Account(FeedKind.POSITION_UPDATES, Segment.FNO,
          subject.substring(FNO_POSITIONS.length()));
    }
    if (!subject.startsWith(LIVE_DATA)) {
      throw unmapped(subject, "it starts with neither /ld/ nor an order/position update prefix");
    }
    int dot = subject.indexOf('.');
    if (dot < 0) {
      throw unmapped(subject, "it has no '.<token>' suffix");
    }
    String head = subject.substring(0, dot);
    String token = subject.substring(dot + 1);
    // head: /ld/<eq|fo|indices>/<nse|bse>/<price|book>
    String[] parts = head.substring(LIVE_DATA.length()).split("/", -1);
    if (parts.length != 3) {
      throw unmapped(subject, "expected /ld/<eq|fo|indices>/<nse|bse>/<price|book>.<token>");
    }
    Exchange exchange = exchangeOf(parts[1], subject);
    if (head.startsWith(INDICES)) {
      if (!parts[2].equals("price")) {
        throw unmapped(subject, "index subjects end in /price.<token>, not /" + parts[2]);
      }
      return new FeedSubject.Market(FeedKind.INDEX_VALUE, exchange, Segment.CASH, token);
    }
    Segment segment;
    switch (parts[0]) {
      case "eq":
        segment = Segment.CASH;
        break;
      case "fo":
        segment = Segment.FNO;
        break;
      default:
        throw unmapped(subject, "segment part must be eq, fo or indices, was '" + parts[0] + "'");
    }
    FeedKind kind;
    switch (parts[2]) {
      case "price":
        kind = FeedKind.LTP;
        break;
      case "book":
        kind = FeedKind.MARKET_DEPTH;
        break;
      default:
        throw unmapped(subject, "feed part must be price or book, was '" + parts[2] + "'");
    }
    return new FeedSubject.Market(kind, exchange, segment, token);
  }

  static String marketSubject(FeedKind kind, Exchange exchange, Segment segment, String token) {
    String ex = exchange == Exchange.NSE ? "nse" : "bse";
    if (kind == FeedKind.INDEX_VALUE) {
      return INDICES + ex + "/price." + token;
    }
    String seg = segment == Segment.CASH ? "eq" : "fo";
    return LIVE_DATA + seg + "/" + ex + (kind == FeedKind.LTP ? "/price." : "/book.") + token;
  }

  static String accountSubject(FeedKind kind, Segment segment, String subscriptionId) {
    if (kind == FeedKind.POSITION_UPDATES) {
      return FNO_POSITIONS + subscriptionId;
    }
    return (segment == Segment.CASH ? CASH_ORDERS : FNO_ORDERS) + subscriptionId;
  }

  static void checkMapped(Exchange exchange, Segment segment) {
    check(exchange == Exchange.NSE || exchange == Exchange.BSE, "FeedSubject.exchange",
        "must be NSE or BSE (Groww's feed documents no subjects for other exchanges)", exchange);
    check(segment == Segment.CASH || segment == Segment.FNO, "FeedSubject.segment",
        "must be CASH or FNO (Groww's feed documents no subjects for other segments)", segment);
  }

  /** A subject token: not blank, no whitespace, no NATS wildcard, no '.' (it would add a subject level). */
  static void checkToken(String token, String field) {
    ValidationException.requireText(token, field);
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      check(!Character.isWhitespace(c) && c != '.' && c != '*' && c != '>', field,
          "must not contain whitespace, '.', '*' or '>'", "'" + token + "'");
    }
  }

  private static Exchange exchangeOf(String part, String subject) {
    switch (part) {
      case "nse":
        return Exchange.NSE;
      case "bse":
        return Exchange.BSE;
      default:
        throw unmapped(subject, "exchange part must be nse or bse, was '" + part + "'");
    }
  }

  private static ValidationException unmapped(String subject, String why) {
    return new ValidationException("FeedSubjects.subject",
        "FeedSubjects.subject is not a mapped Groww feed subject (" + why + "), was '" + subject + "'");
  }
}
