package io.aitrader.groww.fake.live;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.Tick;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.OrderEvent;
import io.aitrader.groww.fake.SocketTokenIssuer;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.fake.nats.FakeSocketToken;
import io.aitrader.groww.fake.nats.FeedSubjects;
import io.aitrader.groww.fake.wire.FeedWire;
import io.aitrader.groww.fake.wire.OrderUpdateMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fake Groww with a live feed, for tests and demos: the REST fake's socket-token endpoint issues JWTs of the NATS
 * feed server, and {@link #advanceTo} moves the fake's market and publishes every tick of the instruments given, in
 * time order, as the LTP messages Groww's feed sends ({@code /ld/eq/nse/price.<token>}). While the feed server is
 * {@linkplain FakeFeedServer#stop() stopped} the ticks are lost, as on a real outage.
 *
 * <pre>{@code
 * try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), instruments)) {
 *   GrowwClient client = ...baseUrl(groww.rest().baseUrl())...;
 *   groww.advanceBy(Duration.ofMinutes(5));   // market moves, LTPs published, orders fill
 *   groww.feed().stop(); groww.advanceBy(Duration.ofMinutes(2)); groww.feed().start();   // an outage
 * }
 * }</pre>
 *
 * <p>Order events of the fake's order book (placed, filled, cancelled…) go out on the order-update subject of the
 * feed's subscription id.
 *
 * <p>Not thread-safe: advance it from one thread.
 */
public final class FakeLiveGroww implements AutoCloseable {
  private final FakeGroww rest;
  private final FakeFeedServer feed;
  private final List<Instrument> published;
  private long publishedThrough;
  private long lost;
  private long sent;
  private volatile long orderUpdates;
  private final Set<Instrument> muted = new HashSet<>();

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
    if (feed.publish(FeedSubjects.orderUpdates(r.instrument().segment(), feed.subscriptionId()),
        FeedWire.orderUpdate(m))) {
      orderUpdates++;
    }
  }

  /** Order updates published on the feed so far. */
  public long orderUpdates() {
    return orderUpdates;
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
   * since the last advance, in time order across the instruments; flushes the feed connection afterwards.
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
      Instrument i = t.instrument();
      if (muted.contains(i)) {
        lost++;
        continue;
      }
      Quote q = new Quote(i, t.timestampMillis(), t.lastPrice(), t.dayVolume(), t.bidPrice(), t.bidQuantity(),
          t.askPrice(), t.askQuantity(), t.openInterest());
      if (feed.publish(FeedSubjects.ltp(i.exchange(), i.segment(), i.exchangeToken()), FeedWire.ltp(q))) {
        sent++;
      } else {
        lost++;
      }
    }
    if (feed.isRunning()) {
      feed.flush(Duration.ofSeconds(5));
    }
    publishedThrough = Math.max(publishedThrough, epochMillis);
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

  /** LTP messages not published because the feed server was down or the instrument was muted. */
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
