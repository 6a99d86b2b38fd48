package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;

/**
 * One Groww live-feed subject, parsed: either a {@link Market} subject (an instrument's LTP, depth or an index
 * value) or an {@link Account} subject (order or position updates). Build them with {@link FeedSubjects}, which
 * also parses subject strings back. Immutable and thread-safe.
 *
 * <pre>{@code
 * FeedSubject s = FeedSubjects.parse("/ld/eq/nse/price.2885");
 * if (s instanceof FeedSubject.Market m) { m.exchange(); m.token(); }   // NSE, "2885"
 * s.subject();                                                          // "/ld/eq/nse/price.2885"
 * }</pre>
 */
public sealed interface FeedSubject permits FeedSubject.Market, FeedSubject.Account {

  /** What the subject carries. */
  FeedKind kind();

  /** The segment: CASH or FNO (index values: CASH). */
  Segment segment();

  /** The subject string as subscribed on NATS. */
  String subject();

  /**
   * A market-data subject.
   *
   * @param kind     {@link FeedKind#LTP}, {@link FeedKind#MARKET_DEPTH} or {@link FeedKind#INDEX_VALUE}
   * @param exchange NSE or BSE (the only exchanges with documented subjects)
   * @param segment  CASH or FNO; CASH for index values
   * @param token    the instrument's exchange token (for indices possibly a name such as {@code NIFTY})
   */
  record Market(FeedKind kind, Exchange exchange, Segment segment, String token) implements FeedSubject {
    /** Validates the combination; refuses anything Groww's feed has no subject for. */
    public Market {
      required(kind, "FeedSubject.kind");
      required(exchange, "FeedSubject.exchange");
      required(segment, "FeedSubject.segment");
      check(kind.isMarketData(), "FeedSubject.kind", "must be LTP, MARKET_DEPTH or INDEX_VALUE for a market subject",
          kind);
      FeedSubjects.checkMapped(exchange, segment);
      check(kind != FeedKind.INDEX_VALUE || segment == Segment.CASH, "FeedSubject.segment",
          "must be CASH for an index value", segment);
      FeedSubjects.checkToken(token, "FeedSubject.token");
    }

    @Override
    public String subject() {
      return FeedSubjects.marketSubject(kind, exchange, segment, token);
    }
  }

  /**
   * An account subject.
   *
   * @param kind           {@link FeedKind#ORDER_UPDATES} or {@link FeedKind#POSITION_UPDATES}
   * @param segment        CASH or FNO; FNO for position updates (Groww has no equity position stream)
   * @param subscriptionId the id returned with the socket token
   */
  record Account(FeedKind kind, Segment segment, String subscriptionId) implements FeedSubject {
    /** Validates the combination; refuses anything Groww's feed has no subject for. */
    public Account {
      required(kind, "FeedSubject.kind");
      required(segment, "FeedSubject.segment");
      check(!kind.isMarketData(), "FeedSubject.kind",
          "must be ORDER_UPDATES or POSITION_UPDATES for an account subject", kind);
      check(segment == Segment.CASH || segment == Segment.FNO, "FeedSubject.segment",
          "must be CASH or FNO (Groww's feed has no other account subjects)", segment);
      check(kind != FeedKind.POSITION_UPDATES || segment == Segment.FNO, "FeedSubject.segment",
          "must be FNO for position updates (Groww streams F&O positions only)", segment);
      FeedSubjects.checkToken(subscriptionId, "FeedSubject.subscriptionId");
    }

    @Override
    public String subject() {
      return FeedSubjects.accountSubject(kind, segment, subscriptionId);
    }
  }
}
