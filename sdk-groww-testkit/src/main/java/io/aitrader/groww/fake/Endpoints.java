package io.aitrader.groww.fake;

import static io.aitrader.groww.fake.Routes.Access.ACCESS_TOKEN;
import static io.aitrader.groww.fake.Routes.Access.API_KEY;
import static io.aitrader.groww.fake.Routes.Access.NONE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.instruments.GrowwInstrumentCsv;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Wires every endpoint into the route table, with its auth and rate bucket. */
final class Endpoints {
  private static final Optional<String> NO_BUCKET = Optional.empty();
  private static final Optional<String> ORDERS = Optional.of(RateGate.ORDERS);
  private static final Optional<String> LIVE = Optional.of(RateGate.LIVE_DATA);
  private static final Optional<String> NON_TRADING = Optional.of(RateGate.NON_TRADING);

  private final Routes routes = new Routes();
  private final RateGate rates;
  private final List<MarketDriver.Participant> participants = new ArrayList<>();
  private final String csv;
  private volatile @Nullable SocketTokenIssuer socketTokenIssuer;

  Endpoints(FakeGroww.Builder config, InstrumentRepository instruments, FakeMarket market, TimeSource clock,
      Account account, OrderBook orders, Auth auth) {
    this.rates = new RateGate(config.rateLimits, clock);
    this.csv = GrowwInstrumentCsv.toCsv(instruments.all());
    this.socketTokenIssuer = config.socketTokenIssuer;

    routes.add("GET", FakeGroww.CSV_PATH, NONE, NO_BUCKET, c -> Reply.csv(csv));
    routes.add("POST", HttpFront.TOKEN_PATH, API_KEY, NO_BUCKET,
        c -> Reply.json(200, Json.write(auth.mint(c.authorization(), c.json()))));
    routes.add("POST", "/v1/socket/token/create", ACCESS_TOKEN, NO_BUCKET, this::socketToken);
    routes.add("GET", "/v1/changelog", NONE, NO_BUCKET, c -> Reply.json(200, "{\"info\":[],\"warning\":[]}"));
    routes.add("GET", "/v1/user/detail", ACCESS_TOKEN, NO_BUCKET, this::user);

    LiveData live = new LiveData(instruments, market, clock, config.ohlcAsObject);
    routes.add("GET", "/v1/live-data/quote", ACCESS_TOKEN, LIVE, c -> live.quote(c, orders));
    routes.add("GET", "/v1/live-data/ltp", ACCESS_TOKEN, LIVE, live::ltp);
    routes.add("GET", "/v1/live-data/ohlc", ACCESS_TOKEN, LIVE, live::ohlc);
    History history = new History(instruments, market, clock, config.candleTimesWithT);
    routes.add("GET", "/v1/historical/candles", ACCESS_TOKEN, NO_BUCKET, history::candles);
    routes.add("GET", "/v1/historical/candle/range", ACCESS_TOKEN, NO_BUCKET, c -> history.candleRange(c, orders));
    routes.add("GET", "/v1/historical/expiries", ACCESS_TOKEN, NO_BUCKET, history::expiries);
    routes.add("GET", "/v1/historical/contracts", ACCESS_TOKEN, NO_BUCKET, history::contracts);
    OptionChain chain = new OptionChain(instruments, market, clock, history);
    routes.add("GET", "/v1/option-chain/exchange/{exchange}/underlying/{underlying}", ACCESS_TOKEN, NO_BUCKET,
        chain::chain);
    routes.add("GET", "/v1/live-data/greeks/exchange/{exchange}/underlying/{underlying}/trading_symbol/"
        + "{trading_symbol}/expiry/{expiry}", ACCESS_TOKEN, NO_BUCKET, chain::greeks);

    routes.add("POST", "/v1/order/create", ACCESS_TOKEN, ORDERS, orders::create);
    routes.add("POST", "/v1/order/modify", ACCESS_TOKEN, ORDERS, orders::modify);
    routes.add("POST", "/v1/order/cancel", ACCESS_TOKEN, ORDERS, orders::cancel);
    routes.add("GET", "/v1/order/status/{id}", ACCESS_TOKEN, NON_TRADING, orders::status);
    routes.add("GET", "/v1/order/status/reference/{ref}", ACCESS_TOKEN, NON_TRADING, orders::statusByReference);
    routes.add("GET", "/v1/order/detail/{id}", ACCESS_TOKEN, NON_TRADING, orders::detail);
    routes.add("GET", "/v1/order/list", ACCESS_TOKEN, NON_TRADING, orders::list);
    routes.add("GET", "/v1/order/trades/{id}", ACCESS_TOKEN, NON_TRADING, orders::trades);

    SmartOrders smart = new SmartOrders(orders, clock, config.seed);
    participants.add(smart);
    routes.add("POST", "/v1/order-advance/create", ACCESS_TOKEN, NO_BUCKET, smart::create);
    routes.add("PUT", "/v1/order-advance/modify/{id}", ACCESS_TOKEN, NO_BUCKET, smart::modify);
    routes.add("POST", "/v1/order-advance/cancel/{segment}/{type}/{id}", ACCESS_TOKEN, NO_BUCKET, smart::cancel);
    routes.add("GET", "/v1/order-advance/status/{segment}/{type}/internal/{id}", ACCESS_TOKEN, NO_BUCKET, smart::get);
    routes.add("GET", "/v1/order-advance/list", ACCESS_TOKEN, NO_BUCKET, smart::list);

    routes.add("GET", "/v1/holdings/user", ACCESS_TOKEN, NON_TRADING,
        c -> ok(account.holdings(clock.currentTimeMillis())));
    routes.add("GET", "/v1/positions/user", ACCESS_TOKEN, NON_TRADING, c -> ok(account.positions(
        clock.currentTimeMillis(), c.query("segment").map(s -> Wire.enumValue(Segment.class, s, "segment")),
        Optional.empty())));
    routes.add("GET", "/v1/positions/trading-symbol", ACCESS_TOKEN, NON_TRADING, c -> ok(account.positions(
        clock.currentTimeMillis(), c.query("segment").map(s -> Wire.enumValue(Segment.class, s, "segment")),
        Optional.of(c.requiredQuery("trading_symbol")))));
    routes.add("GET", "/v1/margins/detail/user", ACCESS_TOKEN, NON_TRADING, c -> ok(account.margins()));
    routes.add("POST", "/v1/margins/detail/orders", ACCESS_TOKEN, NON_TRADING, c -> {
      String segment = c.requiredQuery("segment");
      return ok(Account.required(c.json(), item -> orders.instrument(Wire.text(item, "exchange"), segment,
          Wire.text(item, "trading_symbol")), inst -> orders.lastPrice(inst, clock.currentTimeMillis())));
    });
  }

  static Reply ok(ObjectNode payload) {
    return Reply.json(200, Json.success(payload));
  }

  Routes routes() {
    return routes;
  }

  RateGate rates() {
    return rates;
  }

  List<MarketDriver.Participant> participants() {
    return participants;
  }

  void socketTokenIssuer(SocketTokenIssuer issuer) {
    this.socketTokenIssuer = issuer;
  }

  private Reply socketToken(Call c) {
    String key = Wire.text(c.json(), "socketKey");
    if (!key.matches("U[A-Z2-7]{55}")) {
      throw ApiError.badRequest("'socketKey' must be a NATS user public nkey (56 base32 characters starting with "
          + "'U'), was '" + key + "'");
    }
    SocketTokenIssuer issuer = socketTokenIssuer;
    if (issuer == null) {
      throw new ApiError(503, ApiError.UNAVAILABLE, "the live feed is not running in this fake Groww (no "
          + "SocketTokenIssuer configured)");
    }
    SocketTokenIssuer.Grant g = issuer.issue(key);
    ObjectNode p = Json.object();
    p.put("token", g.token());
    p.put("subscriptionId", g.subscriptionId());
    return ok(p);
  }

  private Reply user(Call c) {
    ObjectNode p = Json.object();
    p.put("vendor_user_id", "fake-groww-user");
    p.put("ucc", "FAKE0001");
    p.put("nse_enabled", true);
    p.put("bse_enabled", true);
    p.put("ddpi_enabled", false);
    p.putArray("active_segments").add("CASH").add("FNO");
    return ok(p);
  }
}
