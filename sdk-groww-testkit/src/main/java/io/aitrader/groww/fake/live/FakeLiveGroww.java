package io.aitrader.groww.fake.live;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.Tick;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import io.aitrader.api.time.Ist;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.OrderEvent;
import io.aitrader.groww.fake.SocketTokenIssuer;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.fake.nats.FakeSocketToken;
import io.aitrader.groww.fake.nats.FeedSubjects;
import io.aitrader.groww.fake.wire.DepthLevel;
import io.aitrader.groww.fake.wire.FeedWire;
import io.aitrader.groww.fake.wire.OrderUpdateMessage;
import io.aitrader.groww.fake.wire.PositionUpdateMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fake Groww with a live feed, for tests and demos: the REST fake's socket-token endpoint issues JWTs of the NATS
 * feed server, and {@link #advanceTo} moves the fake's market and publishes every tick of the instruments given, in
 * time order, as the messages Groww's feed sends (protocol reference §5.2–5.3). While the feed server is
 * {@linkplain FakeFeedServer#stop() stopped} the ticks are lost, as on a real outage.
 *
 * <pre>{@code
 * try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), instruments)) {
 *   GrowwClient client = ...baseUrl(groww.rest().baseUrl())...;
 *   groww.advanceBy(Duration.ofMinutes(5));   // market moves, LTP/depth/index messages published, orders fill
 *   groww.feed().stop(); groww.advanceBy(Duration.ofMinutes(2)); groww.feed().start();   // an outage
 * }
 * }</pre>
 *
 * <p>What each tick of the fake's market becomes (published whether or not a client subscribed; NATS delivers to
 * subscribers only):
 * <ul>
 *   <li>an instrument's tick: an LTP message on {@code /ld/<eq|fo>/<nse|bse>/price.<token>} ({@link #published()})
 *       and a five-level depth message on its book subject {@code …/book.<token>} ({@link #depthPublished()}): bids
 *       from the tick's bid down and asks from its ask up, one tick size apart (so on the tick grid, bid &lt; ask),
 *       the first level's quantity the tick's, the others whole lots derived from the tick's time and level —
 *       deterministic for a seed;</li>
 *   <li>an index's tick ({@link InstrumentType#IDX}; the fake's market gives indices a synthetic price series of
 *       their own, from the bundled reference level): an index-value message on {@code /ld/indices/<nse|bse>/price.}
 *       followed by the exchange token <em>and</em> on the same subject by trading symbol when they differ (which one
 *       Groww uses is UNCONFIRMED, so the fake serves both; {@link #indexPublished()} counts every message).</li>
 * </ul>
 *
 * <p>Account streams: every order event of the fake's order book (placed, filled, cancelled…) goes out on the
 * order-update subject of the feed's subscription id ({@link #orderUpdates()}); every fill of an F&amp;O order also
 * sends the contract's day position (bought and sold quantities, average prices in rupees) on the F&amp;O
 * position-update subject ({@link #positionUpdates()}).
 *
 * <p>Not thread-safe: advance it from one thread (order events may come from the REST server's threads; they are
 * serialized).
 */
public final class FakeLiveGroww implements AutoCloseable {
  private static final int DEPTH_LEVELS = 5;
  private final FakeGroww rest;
  private final FakeFeedServer feed;
  private final List<Instrument> published;
  private long publishedThrough;
  private long lost;
  private long sent;
  private long depthSent;
  private long indexSent;
  private volatile long orderUpdates;
  private volatile long positionUpdates;
  private final Set<Instrument> muted = new HashSet<>();
  private final Object accountLock = new Object();
  /** F&amp;O day positions by contract and IST day: [bought, bought value, sold, sold value] (guarded by accountLock). */
  private final Map<String, long[]> positions = new HashMap<>();

  private FakeLiveGroww(FakeGroww rest, FakeFeedServer feed, List<Instrument> published) {
    this.rest = rest;
    this.feed = feed;
    this.published = List.copyOf(published);
    this.publishedThrough = rest.clock().currentTimeMillis();
  }

  /**
   * Starts the feed server, then the REST fake with the feed's token issuer.
   *
   * @param published the instruments whose ticks are published on the feed
   */
  public static FakeLiveGroww start(FakeGroww.Builder rest, FakeFeedServer.Builder feed, List<Instrument> published) {
    FakeFeedServer server = feed.build();
    server.start();
    FakeGroww fake;
    try {
      fake = rest.socketTokenIssuer(key -> grant(server.issue(key))).build().start();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    FakeLiveGroww live = new FakeLiveGroww(fake, server, required(published, "published"));
    fake.onOrderEvent(live::publishOrderUpdate);
    return live;
  }

  /**
   * Publishes an order event as Groww's order-update stream would ({@code stocks/order/updates.apex.<id>}, protobuf
   * {@code OrderDetailsBroadCastDto}; prices in paise, the unit the adapter assumes — UNCONFIRMED). {@code OPEN} has
   * no number on the wire: it goes out as {@code ACKED}.
   */
  private void publishOrderUpdate(OrderEvent e) {
    Order o = e.order();
    OrderRequest r = o.request();
    OrderStatus status = o.status() == OrderStatus.OPEN ? OrderStatus.ACKED : o.status();
    OrderUpdateMessage m = OrderUpdateMessage.builder(e.growwOrderId()).exchangeOrderId(e.exchangeOrderId())
        .status(status).quantity(Math.toIntExact(r.quantity())).filledQuantity(Math.toIntExact(o.filledQuantity()))
        .remainingQuantity(Math.toIntExact(r.quantity() - o.filledQuantity()))
        .price(r.limitPrice().map(p -> FeedWire.paise(p.units())).orElse(0L))
        .triggerPrice(r.triggerPrice().map(p -> FeedWire.paise(p.units())).orElse(0L))
        .avgFillPrice(o.averageFillPrice().map(p -> FeedWire.paise(p.units())).orElse(0L))
        .validity(r.validity()).exchange(r.instrument().exchange()).segment(r.instrument().segment())
        .product(r.product()).orderType(r.orderType()).side(r.side()).remark(o.remark().orElse(""))
        .contractId(r.instrument().isin().orElse(r.instrument().tradingSymbol())).build();
    synchronized (accountLock) {
      if (feed.publish(FeedSubjects.orderUpdates(r.instrument().segment(), feed.subscriptionId()),
          FeedWire.orderUpdate(m))) {
        orderUpdates++;
      }
      e.fill().filter(f -> f.instrument().segment() == Segment.FNO).ifPresent(this::publishPosition);
    }
  }

  /**
   * After a fill of an F&amp;O order: the contract's position of the fill's IST day as Groww's position stream would
   * report it ({@code PositionDetailProto}; quantities in units, average prices in rupees — the unit the adapter
   * assumes, UNCONFIRMED), on the exchange's side of the message.
   */
  private void publishPosition(Fill f) {
    Instrument i = f.instrument();
    long[] p = positions.computeIfAbsent(i.id() + "@" + Ist.dateOf(f.timestampMillis()), k -> new long[4]);
    int at = f.side() == Side.BUY ? 0 : 2;
    p[at] += f.quantity();
    p[at + 1] = Math.addExact(p[at + 1], Math.multiplyExact(f.price().units(), f.quantity()));
    PositionUpdateMessage.Side side = new PositionUpdateMessage.Side(p[0], average(p[1], p[0]), p[2],
        average(p[3], p[2]));
    boolean nse = i.exchange() == Exchange.NSE;
    PositionUpdateMessage m = PositionUpdateMessage.builder(i.tradingSymbol()).trTimeStamp(f.timestampMillis())
        .searchId(i.growwSymbol()).product(Optional.of(f.product()))
        .equityType(i.type() == InstrumentType.FUT ? PositionUpdateMessage.EquityType.FUTURE
            : PositionUpdateMessage.EquityType.OPTION)
        .displayName(i.name()).underlyingId(i.underlying().orElse(""))
        .underlyingAsset(underlyingIsIndex(i) ? PositionUpdateMessage.UnderlyingAsset.INDICES
            : PositionUpdateMessage.UnderlyingAsset.STOCKS)
        .nseMarketLot(nse ? i.lotSize() : 0).bseMarketLot(nse ? 0 : i.lotSize()).freezeQty(i.freezeQuantity().orElse(0))
        .exchange(i.exchange()).symbolIsin(i.isin().orElse(""))
        .nse(nse ? side : PositionUpdateMessage.Side.NONE).bse(nse ? PositionUpdateMessage.Side.NONE : side).build();
    if (feed.publish(FeedSubjects.positionUpdates(feed.subscriptionId()), FeedWire.positionUpdate(m))) {
      positionUpdates++;
    }
  }

  private static double average(long valueUnits, long quantity) {
    return quantity == 0 ? 0 : FeedWire.rupees(Math.round(valueUnits / (double) quantity));
  }

  private boolean underlyingIsIndex(Instrument i) {
    return i.underlying().map(u -> rest.instruments().stream()
        .anyMatch(x -> x.type() == InstrumentType.IDX && x.exchange() == i.exchange() && x.tradingSymbol().equals(u)))
        .orElse(false);
  }

  /** Order updates published on the feed so far. */
  public long orderUpdates() {
    return orderUpdates;
  }

  /** F&amp;O position updates published on the feed so far (one per fill of an F&amp;O order). */
  public long positionUpdates() {
    return positionUpdates;
  }

  private static SocketTokenIssuer.Grant grant(FakeSocketToken t) {
    return new SocketTokenIssuer.Grant(t.token(), t.subscriptionId());
  }

  /** The REST fake. */
  public FakeGroww rest() {
    return rest;
  }

  /** The NATS feed server ({@code stop()}/{@code start()} for an outage). */
  public FakeFeedServer feed() {
    return feed;
  }

  /**
   * Moves the fake's clock to {@code epochMillis} (see {@link FakeGroww#advanceTo}) and publishes the ticks stamped
   * since the last advance, in time order across the instruments (LTP + depth, or index values); flushes the feed
   * connection afterwards.
   */
  public void advanceTo(long epochMillis) {
    rest.advanceTo(epochMillis);
    List<List<Tick>> perInstrument = new ArrayList<>();
    for (Instrument i : published) {
      perInstrument.add(rest.market().ticks(i, publishedThrough, epochMillis));
    }
    int[] next = new int[perInstrument.size()];
    while (true) {
      int pick = -1;
      for (int k = 0; k < next.length; k++) {
        List<Tick> ticks = perInstrument.get(k);
        if (next[k] < ticks.size() && (pick < 0
            || ticks.get(next[k]).timestampMillis() < perInstrument.get(pick).get(next[pick]).timestampMillis())) {
          pick = k;
        }
      }
      if (pick < 0) {
        break;
      }
      Tick t = perInstrument.get(pick).get(next[pick]++);
      if (muted.contains(t.instrument()) || !publish(t)) {
        lost++;
      }
    }
    if (feed.isRunning()) {
      feed.flush(Duration.ofSeconds(5));
    }
    publishedThrough = Math.max(publishedThrough, epochMillis);
  }

  /** Publishes one tick's messages; false when the server is down. */
  private boolean publish(Tick t) {
    Instrument i = t.instrument();
    if (i.type() == InstrumentType.IDX) {
      byte[] value = FeedWire.indexValue(i, t.timestampMillis(), FeedWire.rupees(t.lastPrice()));
      boolean up = false;
      for (String subject : indexSubjects(i)) {
        if (feed.publish(subject, value)) {
          indexSent++;
          up = true;
        }
      }
      return up;
    }
    Quote q = new Quote(i, t.timestampMillis(), t.lastPrice(), t.dayVolume(), t.bidPrice(), t.bidQuantity(),
        t.askPrice(), t.askQuantity(), t.openInterest());
    if (!feed.publish(FeedSubjects.ltp(i.exchange(), i.segment(), i.exchangeToken()), FeedWire.ltp(q))) {
      return false;
    }
    sent++;
    if (feed.publish(FeedSubjects.depth(i.exchange(), i.segment(), i.exchangeToken()), depth(t))) {
      depthSent++;
    }
    return true;
  }

  /** The index subjects of {@code index}: by exchange token and, when different and a valid token, by symbol. */
  private static List<String> indexSubjects(Instrument index) {
    String byToken = FeedSubjects.index(index.exchange(), index.exchangeToken());
    if (index.tradingSymbol().equals(index.exchangeToken())) {
      return List.of(byToken);
    }
    try {
      return List.of(byToken, FeedSubjects.index(index.exchange(), index.tradingSymbol()));
    } catch (ValidationException e) { // a symbol that cannot be a subject token (a '.' or a space)
      return List.of(byToken);
    }
  }

  /** Five levels each side around the tick's bid and ask, one tick size apart; quantities in whole lots. */
  private static byte[] depth(Tick t) {
    Instrument i = t.instrument();
    long step = i.tickSize().units();
    long lot = i.lotSize();
    long bid = t.bidPrice() > 0 ? t.bidPrice() : t.lastPrice() - step;
    long ask = t.askPrice() > 0 ? t.askPrice() : t.lastPrice() + step;
    List<DepthLevel> bids = new ArrayList<>(DEPTH_LEVELS);
    List<DepthLevel> asks = new ArrayList<>(DEPTH_LEVELS);
    for (int k = 0; k < DEPTH_LEVELS; k++) {
      long b = bid - k * step;
      if (b > 0) {
        long q = k == 0 && t.bidQuantity() > 0 ? t.bidQuantity() : lot * (1 + Math.floorMod(mix(t, 2 * k), 40));
        bids.add(new DepthLevel(k + 1, FeedWire.rupees(b), q));
      }
      long q = k == 0 && t.askQuantity() > 0 ? t.askQuantity() : lot * (1 + Math.floorMod(mix(t, 2 * k + 1), 40));
      asks.add(new DepthLevel(k + 1, FeedWire.rupees(ask + k * step), q));
    }
    return FeedWire.marketDepth(i, t.timestampMillis(), bids, asks);
  }

  /** A deterministic hash of a tick's time, its instrument's token and a level. */
  private static long mix(Tick t, int level) {
    long z = t.timestampMillis() * 0x9E3779B97F4A7C15L + t.instrument().exchangeToken().hashCode() * 31L + level;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Stops ({@code true}) or resumes publishing {@code instrument}'s ticks without touching the connection: the
   * messages a real feed might silently lose. Muted ticks count as {@link #lost()}.
   */
  public void mute(Instrument instrument, boolean mute) {
    if (mute) {
      muted.add(instrument);
    } else {
      muted.remove(instrument);
    }
  }

  /** {@link #advanceTo} by {@code duration} from the fake's current time. */
  public void advanceBy(Duration duration) {
    advanceTo(rest.clock().currentTimeMillis() + duration.toMillis());
  }

  /** LTP messages published so far. */
  public long published() {
    return sent;
  }

  /** Depth messages published so far (one per LTP message). */
  public long depthPublished() {
    return depthSent;
  }

  /** Index-value messages published so far (one per index tick and token variant). */
  public long indexPublished() {
    return indexSent;
  }

  /** Ticks not published (none of their messages) because the feed server was down or the instrument was muted. */
  public long lost() {
    return lost;
  }

  /** The subjects clients hold on the feed server right now. */
  public Set<String> subscribedSubjects() {
    return feed.subscribedSubjects();
  }

  /** Closes the REST fake and the feed server. */
  @Override
  public void close() {
    try {
      rest.close();
    } finally {
      feed.close();
    }
  }
}
