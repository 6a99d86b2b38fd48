package io.aitrader.core.execution;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.Registration;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarView;
import io.aitrader.api.market.PriceBands;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Broker;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderService;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.ChargesModel;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.orders.DefaultOrderService;
import io.aitrader.core.orders.InMemoryOrderStore;
import io.aitrader.core.orders.IntentRecorder;
import io.aitrader.core.orders.PreTradeCheck;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.portfolio.DefaultPortfolioService;
import io.aitrader.core.risk.RiskProfiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution tier assembled: strategy intents flow through risk → {@link DefaultOrderService} → broker →
 * {@link DefaultPortfolioService}, with each fill's {@link ChargesModel charges} debited. The same assembly serves
 * backtests, paper and live trading; only the broker, the order store and the clock differ. A {@link PaperBroker}
 * is built here so its funds check reads this account, and it is fed the market events given to {@link #onTick} and
 * {@link #onBar}.
 *
 * <pre>{@code
 * ExecutionTier tier = ExecutionTier.builder().timeSource(clock).eventBus(bus)
 *     .startingCash(Money.ofRupees(1_000_000)).paperBroker(PaperBroker.builder().slippage(Slippage.fixedBps(2)))
 *     .charges(IndianChargesModel.groww()).preTradeCheck(risk).build();
 * StrategyHost host = StrategyHost.builder(strategy)...orders(tier.orderService()).portfolio(tier.portfolio()).build();
 * bus.subscribe(Topics.ticks(Exchange.NSE), tier::onTick, SubscriptionOptions.SYNCHRONOUS);
 * }</pre>
 *
 * <p>Threading: market events, strategy calls and broker callbacks on one thread (the market thread), as the
 * embedded runtime and backtests run them.
 */
public final class ExecutionTier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionTier.class);
  private static final Pattern NUMBER = Pattern.compile("₹?-?\\d[\\d,]*(\\.\\d+)?");
  /** {@code execution.session-summary}: each {@link SessionSummary}, published when a session ends. */
  public static final Topic<SessionSummary> SESSION_SUMMARY_TOPIC =
      Topic.of("execution.session-summary", SessionSummary.class);

  private final TimeSource clock;
  private final @Nullable EventBus bus;
  private final Broker broker;
  private final @Nullable PaperBroker paper;
  private final DefaultOrderService orders;
  private final DefaultPortfolioService portfolio;
  private final ChargesModel charges;
  private final MarginRates margins;
  private final @Nullable AccountRisk risk;
  private final OrderService orderService = new RecordingOrders();
  private final List<TierListener> tierListeners = new ArrayList<>();
  private final Registration orderSubscription;
  private static final Product[] PRODUCTS = Product.values();
  /** Last price and net quantities of every instrument seen: one lookup per market event. */
  private final Map<Instrument, InstrumentState> instruments = new HashMap<>();
  /** The instruments that have had a fill, in first-fill order: what exposure and margin sums walk. */
  private final List<InstrumentState> traded = new ArrayList<>();
  /** Σ over {@link #traded} of their {@link InstrumentState#grossUnits}: the gross exposure, kept as prices and quantities move. */
  private long grossUnits;
  /** Whether {@link #grossUnits} could not be kept (an overflow): {@link #exposureUnits} then sums afresh, and fails as it would. */
  private boolean grossLost;
  private final Map<String, Long> rejectionReasons = new LinkedHashMap<>();
  private final Map<String, String> firstRejection = new HashMap<>();
  private final Set<String> submittedIds = new HashSet<>();
  private final Set<String> tradeIds = new HashSet<>();
  private long uncharged;
  private final Set<String> rejectedIds = new HashSet<>();
  /** The charges booked so far, by component in {@link Charges}' order, ₹0.0001 units (no Money per fill). */
  private final long[] chargesTotal = new long[8];
  private long submitted;
  /** Counters as they stood when the current session started: the day's figures are the differences. */
  private long dayStartSubmitted;
  private long dayStartRejected;
  private long dayStartFills;
  private long dayStartCharges;
  private long rejected;
  private long fills;
  private long lastCurveMillis = Long.MIN_VALUE;

  private ExecutionTier(Builder b) {
    this.clock = required(b.clock, "ExecutionTier.timeSource");
    this.bus = b.bus;
    this.charges = b.charges;
    this.margins = b.margins;
    this.portfolio = DefaultPortfolioService.builder().startingCash(b.startingCash).build();
    if (b.paperBroker != null) {
      this.paper = b.paperBroker.timeSource(clock).priceBands(b.priceBands).fundsCheck(this::fundsRefusal).build();
      this.broker = paper;
    } else {
      this.paper = null;
      this.broker = required(b.broker, "ExecutionTier.broker (or paperBroker)");
    }
    PreTradeCheck check = b.check;
    if (b.riskProfiles != null) {
      EventBus riskBus = b.bus != null ? b.bus : InProcessEventBus.create();
      AccountRisk r = new AccountRisk(this, b.riskProfiles, riskBus, clock);
      check = new BothChecks(r, b.check);
      this.risk = r;
    } else {
      this.risk = null;
    }
    DefaultOrderService.Builder ob = DefaultOrderService.builder().broker(broker).store(b.store).timeSource(clock)
        .priceBands(b.priceBands).preTradeCheck(check).intentRecorder(b.intents).reconcileOnStart(false);
    if (b.bus != null) {
      ob.eventBus(b.bus);
    }
    this.orders = ob.build();
    this.orderSubscription = orders.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        onUpdate(order);
      }

      @Override
      public void onFill(Fill fill) {
        onFilled(fill);
      }
    });
    // reconcile once the tier listens, then count the orders still working (risk's open orders, blocked margin)
    orders.reconcile();
    for (Order open : orders.openOrders()) {
      onUpdate(open);
    }
  }

  /** The risk engine's check, then the extra one. */
  private static final class BothChecks implements PreTradeCheck {
    private final PreTradeCheck first;
    private final PreTradeCheck second;

    BothChecks(PreTradeCheck first, PreTradeCheck second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public Verdict check(OrderRequest request) {
      Verdict v = first.check(request);
      return v.passed() ? second.check(request) : v;
    }

    @Override
    public Verdict checkModification(Order current, OrderRequest changed) {
      Verdict v = first.checkModification(current, changed);
      return v.passed() ? second.checkModification(current, changed) : v;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The order service strategies submit through (it records refusals for {@link #summary()}). */
  public OrderService orderService() {
    return orderService;
  }

  /** The order service itself (reconciliation, counters). */
  public DefaultOrderService orders() {
    return orders;
  }

  public DefaultPortfolioService portfolio() {
    return portfolio;
  }

  public Broker broker() {
    return broker;
  }

  /** Hooks called on every tick after fills and marks (the risk tier's square-off and kill switch use it). */
  public void addListener(TierListener listener) {
    tierListeners.add(required(listener, "listener"));
  }

  /** A market tick: paper fills first (orders placed before this tick), then the account is marked. */
  public void onTick(Tick tick) {
    if (paper != null) {
      paper.onTick(tick);
    }
    if (tick.lastPrice() > 0) {
      priced(state(tick.instrument()), tick.lastPrice());
      portfolio.mark(tick.instrument(), tick.lastPrice(), tick.timestampMillis());
    }
    if (risk != null) {
      risk.afterTick(tick.timestampMillis());
    }
    for (int i = 0; i < tierListeners.size(); i++) {
      tierListeners.get(i).afterTick(tick, this);
    }
  }

  /**
   * A complete bar: fed to a paper broker in bar mode (orders placed before the bar opened fill in it), then the
   * account is marked at the bar's close and the risk tier sees the close time (so the kill switch and the MIS
   * square-off work on bars alone, as in a backtest), and one equity-curve point per bar close time (several
   * instruments closing at the same time give one point).
   */
  public void onBar(BarView bar) {
    if (paper != null) {
      paper.onBar(bar);
    }
    if (bar.complete() && bar.close() > 0) {
      priced(state(bar.instrument()), bar.close());
      portfolio.mark(bar.instrument(), bar.close(), bar.closeTimeMillis());
    }
    if (risk != null) {
      risk.afterTick(bar.closeTimeMillis());
    }
    if (bar.closeTimeMillis() > lastCurveMillis) {
      lastCurveMillis = bar.closeTimeMillis();
      portfolio.onBarClose(bar.closeTimeMillis());
    }
  }

  /** A session begins: the portfolio starts its day (carrying CNC holdings, reporting MIS left open). */
  public void sessionStarted(TradingSession session) {
    if (portfolio.startDay(session.date(), session.openMillis())) {
      tradeIds.clear(); // trade ids are unique within a trading day
    }
    dayStartSubmitted = submitted;
    dayStartRejected = rejected;
    dayStartFills = fills;
    dayStartCharges = chargesTotalUnits();
  }

  /** Fills booked without charges because the charges model had no rates for them (each logged as an error). */
  public long unchargedFills() {
    return uncharged;
  }

  /** A session has ended: DAY orders still open at a paper broker expire. */
  public void sessionEnded(TradingSession session) {
    if (paper != null) {
      paper.endOfDay(session.closeMillis());
    }
    if (bus != null) {
      bus.publish(SESSION_SUMMARY_TOPIC, new SessionSummary(session.date(), session.closeMillis(), portfolio.dayPnl(),
          portfolio.equity(), Money.ofUnits(chargesTotalUnits() - dayStartCharges), submitted - dayStartSubmitted,
          Math.min(rejected - dayStartRejected, submitted - dayStartSubmitted), fills - dayStartFills,
          openPositionCount()));
    }
  }

  private long chargesTotalUnits() {
    long sum = 0;
    for (long units : chargesTotal) {
      sum += units;
    }
    return sum;
  }

  private int openPositionCount() {
    int open = 0;
    for (int i = 0; i < traded.size(); i++) {
      for (long net : traded.get(i).net) {
        if (net != 0) {
          open++;
        }
      }
    }
    return open;
  }

  /** The last traded price of {@code instrument} seen by {@link #onTick}, in ₹0.0001 units, or 0. */
  public long lastPriceUnits(Instrument instrument) {
    InstrumentState s = instruments.get(instrument);
    return s == null ? 0 : s.lastPrice;
  }

  TimeSource clock() {
    return clock;
  }

  /**
   * Σ |net quantity × last price| over the open positions of every product, ₹0.0001 units (0 when flat). Kept as
   * marks and fills arrive, so reading it costs nothing (a backtest samples it after every bar close time).
   */
  public long grossExposureUnits() {
    return exposureUnits(true);
  }

  /** Σ |net × last price| (gross) or Σ net × last price (net) over the open positions, ₹0.0001 units. */
  long exposureUnits(boolean gross) {
    if (gross && !grossLost) {
      return grossUnits;
    }
    long sum = 0;
    for (int i = 0, n = traded.size(); i < n; i++) {
      InstrumentState s = traded.get(i);
      for (long q : s.net) {
        long value = Math.multiplyExact(s.lastPrice, q);
        sum = Math.addExact(sum, gross ? Math.abs(value) : value);
      }
    }
    return sum;
  }

  /** The account's net quantity in {@code instrument} under {@code product}, kept from fills. */
  long netQuantity(Instrument instrument, Product product) {
    InstrumentState s = instruments.get(instrument);
    return s == null ? 0 : s.net[product.ordinal()];
  }

  /** The state of {@code instrument}, made on first sight. */
  private InstrumentState state(Instrument instrument) {
    InstrumentState s = instruments.get(instrument);
    if (s == null) {
      s = new InstrumentState();
      instruments.put(instrument, s);
    }
    return s;
  }

  /** A new last price: the instrument's share of the gross exposure follows when it is traded. */
  private void priced(InstrumentState s, long price) {
    s.lastPrice = price;
    if (s.traded) {
      regross(s);
    }
  }

  /** Recomputes {@code s}'s share of the gross exposure and adjusts the total; an overflow drops the running total. */
  private void regross(InstrumentState s) {
    if (grossLost) {
      return;
    }
    try {
      long share = 0;
      for (long q : s.net) {
        share = Math.addExact(share, Math.abs(Math.multiplyExact(s.lastPrice, q)));
      }
      grossUnits = Math.addExact(grossUnits - s.grossUnits, share);
      s.grossUnits = share;
    } catch (ArithmeticException e) { // absurd values: exposureUnits sums afresh (and fails there, as it always did)
      grossLost = true;
    }
  }

  private Optional<String> fundsRefusal(OrderRequest request, long priceUnits) {
    long net = netQuantity(request.instrument(), request.product());
    long after = net + request.signedQuantity();
    if (Math.abs(after) <= Math.abs(net) && Long.signum(after) * Long.signum(net) >= 0) {
      return Optional.empty(); // only reduces the position
    }
    long needed = margins.marginUnits(request.product(), Math.multiplyExact(priceUnits, request.quantity()));
    long available = marginAvailableUnits();
    if (needed > available) {
      return Optional.of("insufficient funds: needs " + Money.ofUnits(needed) + " margin ("
          + margins.percentFor(request.product()) + "% of " + Money.ofUnits(Math.multiplyExact(priceUnits, request.quantity()))
          + ", " + request.product() + "), available " + Money.ofUnits(Math.max(0, available)));
    }
    return Optional.empty();
  }

  /** Equity − margin held by open positions at their last marks − margin blocked for open orders. */
  private long marginAvailableUnits() {
    long used = 0;
    for (int i = 0, n = traded.size(); i < n; i++) {
      InstrumentState s = traded.get(i);
      long[] q = s.net;
      for (int k = 0; k < q.length; k++) {
        if (q[k] != 0) {
          long value = Math.abs(Math.multiplyExact(s.lastPrice, q[k]));
          used = Math.addExact(used, margins.marginUnits(PRODUCTS[k], value));
        }
      }
    }
    return portfolio.equity().units() - used - portfolio.blockedMargin().units();
  }

  private void onFilled(Fill fill) {
    if (!tradeIds.add(fill.tradeId())) {
      return; // a trade already applied: neither the charges model (it keeps per-order state) nor the portfolio sees it
    }
    Charges c;
    try {
      c = charges.chargesFor(fill);
    } catch (ConfigurationException e) { // the trade happened: it is booked, uncharged, and said loudly
      uncharged++;
      LOG.error("no charges for fill {} of {} ({}); booked without charges: {}", fill.tradeId(), fill.instrument().id(),
          fill.referenceId(), e.getMessage());
      c = Charges.NONE;
    }
    portfolio.apply(fill, c);
    InstrumentState s = state(fill.instrument());
    if (!s.traded) {
      s.traded = true;
      traded.add(s);
    }
    s.net[fill.product().ordinal()] += fill.signedQuantity();
    regross(s);
    if (risk != null) {
      risk.onFill();
    }
    addCharges(c);
    fills++;
    for (int i = 0; i < tierListeners.size(); i++) {
      tierListeners.get(i).afterFill(fill, c);
    }
  }

  /** Adds a fill's charges to the totals, exactly as {@link Charges#plus} would (failing on overflow). */
  private void addCharges(Charges c) {
    long[] t = chargesTotal;
    // all eight sums first, so an overflow leaves the totals as they were (as a failed Charges.plus did)
    long brokerage = Math.addExact(t[0], c.brokerage().units());
    long stt = Math.addExact(t[1], c.stt().units());
    long exchange = Math.addExact(t[2], c.exchangeCharges().units());
    long sebi = Math.addExact(t[3], c.sebiFee().units());
    long stamp = Math.addExact(t[4], c.stampDuty().units());
    long gst = Math.addExact(t[5], c.gst().units());
    long dp = Math.addExact(t[6], c.dpCharges().units());
    long ipft = Math.addExact(t[7], c.ipft().units());
    t[0] = brokerage;
    t[1] = stt;
    t[2] = exchange;
    t[3] = sebi;
    t[4] = stamp;
    t[5] = gst;
    t[6] = dp;
    t[7] = ipft;
  }

  private Charges totalCharges() {
    long[] t = chargesTotal;
    return new Charges(Money.ofUnits(t[0]), Money.ofUnits(t[1]), Money.ofUnits(t[2]), Money.ofUnits(t[3]),
        Money.ofUnits(t[4]), Money.ofUnits(t[5]), Money.ofUnits(t[6]), Money.ofUnits(t[7]));
  }

  private void onUpdate(Order order) {
    if (risk != null) {
      risk.onOrderUpdate(order);
    }
    if (order.isTerminal()) {
      portfolio.release(order.referenceId());
      if (order.status() == OrderStatus.REJECTED) {
        countRejection(order.referenceId(), order.remark().orElse("rejected by " + broker.name() + " without a remark"));
      }
    } else {
      blockMargin(order); // each working state re-blocks (block replaces): partial fills and modifications follow
    }
  }

  /** Counts one refused order (once per reference id, however often it is retried). */
  private void countRejection(String referenceId, String reason) {
    if (!rejectedIds.add(referenceId)) {
      return;
    }
    rejected++;
    String kind = NUMBER.matcher(reason).replaceAll("N");
    rejectionReasons.merge(kind, 1L, Long::sum);
    firstRejection.putIfAbsent(kind, reason);
  }

  private void blockMargin(Order placed) {
    OrderRequest r = placed.request();
    long price = r.limitPrice().isPresent() ? r.limitPrice().orElseThrow().units()
        : r.triggerPrice().isPresent() ? r.triggerPrice().orElseThrow().units() : lastPriceUnits(r.instrument());
    long net = netQuantity(r.instrument(), r.product());
    boolean reduces = Long.signum(net) == -Long.signum(r.signedQuantity()) && r.quantity() <= Math.abs(net);
    if (!reduces && price > 0) {
      portfolio.block(r.referenceId(), Money.ofUnits(margins.marginUnits(r.product(), Math.multiplyExact(price, placed.remainingQuantity()))));
    } else {
      portfolio.release(r.referenceId());
    }
  }

  /**
   * Everything so far: orders by outcome, refusal reasons (alike reasons — equal but for their numbers — grouped
   * under the first one), charges, PnL and open positions.
   */
  public ExecutionSummary summary() {
    long placed = 0;
    long filled = 0;
    long partial = 0;
    long cancelled = 0;
    for (Order o : broker.orders()) {
      placed++;
      if (o.status().isFilled()) {
        filled++;
      } else if (o.filledQuantity() > 0) {
        partial++;
      }
      if (o.status() == OrderStatus.CANCELLED && o.filledQuantity() == 0) {
        cancelled++;
      }
    }
    Portfolio p = portfolio.snapshot();
    Map<String, Long> reasons = new LinkedHashMap<>();
    rejectionReasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> reasons.put(firstRejection.get(e.getKey()), e.getValue()));
    Money gross = p.realizedPnl().plus(p.unrealizedPnl());
    Charges charged = totalCharges();
    return new ExecutionSummary(submitted, placed, filled, partial, cancelled, rejected, reasons, fills, charged,
        p.realizedPnl(), p.unrealizedPnl(), gross, gross.minus(charged.total()), p.openPositions());
  }

  @Override
  public void close() {
    orderSubscription.close();
    orders.close();
    broker.close();
  }

  /** One instrument's last price and the account's net quantities in it. */
  private static final class InstrumentState {
    /** Last tick price or bar close, ₹0.0001 units; 0 before any. */
    long lastPrice;
    /** Net quantity by product ordinal, kept from fills so the funds check needs no snapshot. */
    final long[] net = new long[PRODUCTS.length];
    /** Whether a fill was seen: the instrument is then in {@link #traded}. */
    boolean traded;
    /** Σ |net × last price| over the products: this instrument's part of {@link #grossUnits}. */
    long grossUnits;
  }

  /** Hooks into the tier's event handling; both default to nothing. Called on the thread delivering the events. */
  public interface TierListener {
    /** Called after each tick has been applied (fills, marks). */
    default void afterTick(Tick tick, ExecutionTier tier) {}

    /** Called once per new fill, after it was charged and booked in the portfolio. */
    default void afterFill(Fill fill, Charges charges) {}

    /**
     * Called when an order a strategy submitted was refused before reaching the broker (a risk rule, a price band,
     * the audit log) or by the broker, with the reason and the tier's time.
     */
    default void orderRefused(OrderRequest request, String reason, long timestampMillis) {}
  }

  /** The order service handed to strategies: delegates, counts submissions and records refusals. */
  private final class RecordingOrders implements OrderService {
    @Override
    public Order submit(OrderRequest request) {
      if (submittedIds.add(request.referenceId())) {
        submitted++;
      }
      try {
        return orders.submit(request);
      } catch (OrderRejectedException e) { // a rate limit is "retry later", not a refusal: not counted
        countRejection(request.referenceId(), e.reason());
        for (int i = 0; i < tierListeners.size(); i++) {
          tierListeners.get(i).orderRefused(request, e.reason(), clock.currentTimeMillis());
        }
        throw e;
      }
    }

    @Override
    public Order cancel(String referenceId) {
      return orders.cancel(referenceId);
    }

    @Override
    public Order modify(String referenceId, OrderModification change) {
      return orders.modify(referenceId, change);
    }

    @Override
    public Optional<Order> find(String referenceId) {
      return orders.find(referenceId);
    }

    @Override
    public List<Order> slices(String referenceId) {
      return orders.slices(referenceId);
    }

    @Override
    public boolean isKnown(String referenceId) {
      return orders.isKnown(referenceId);
    }

    @Override
    public List<Order> openOrders() {
      return orders.openOrders();
    }

    @Override
    public Registration subscribe(OrderListener listener) {
      return orders.subscribe(listener);
    }
  }

  /** Configures an {@link ExecutionTier}. Not thread-safe. */
  public static final class Builder {
    private @Nullable TimeSource clock;
    private @Nullable EventBus bus;
    private @Nullable Broker broker;
    private PaperBroker.@Nullable Builder paperBroker;
    private OrderStore store = new InMemoryOrderStore();
    private ChargesModel charges = fill -> Charges.NONE;
    private PriceBands priceBands = PriceBands.NONE;
    private PreTradeCheck check = PreTradeCheck.NONE;
    private IntentRecorder intents = IntentRecorder.NONE;
    private @Nullable RiskProfiles riskProfiles;
    private MarginRates margins = MarginRates.DEFAULT;
    private Money startingCash = Money.ofRupees(1_000_000);

    private Builder() {}

    public Builder timeSource(TimeSource v) { this.clock = required(v, "timeSource"); return this; }

    public Builder eventBus(EventBus v) { this.bus = required(v, "eventBus"); return this; }

    /** A broker built elsewhere (e.g. Groww); use {@link #paperBroker} for the simulated one. */
    public Builder broker(Broker v) { this.broker = required(v, "broker"); return this; }

    /** The paper broker to build; its time source, price bands and funds check are set by the tier. */
    public Builder paperBroker(PaperBroker.Builder v) { this.paperBroker = required(v, "paperBroker"); return this; }

    /** Defaults to an {@link InMemoryOrderStore}. */
    public Builder orderStore(OrderStore v) { this.store = required(v, "orderStore"); return this; }

    /** Defaults to no charges; use {@code IndianChargesModel.groww()} for contract-note charges. */
    public Builder charges(ChargesModel v) { this.charges = required(v, "charges"); return this; }

    public Builder priceBands(PriceBands v) { this.priceBands = required(v, "priceBands"); return this; }

    /**
     * Pre-trade risk limits (global and per strategy): builds the risk engine, its kill switch (cancel, optionally
     * flatten) and the MIS square-off at the limits' cut-off. Checks go on {@code risk.checks} of the event bus.
     */
    public Builder risk(RiskProfiles v) { this.riskProfiles = required(v, "risk"); return this; }

    /** An extra check after the risk limits (or the only one without them); defaults to none. */
    public Builder preTradeCheck(PreTradeCheck v) { this.check = required(v, "preTradeCheck"); return this; }

    /** Records each order's intent before it is sent (the audit service); see {@link IntentRecorder}. */
    public Builder intentRecorder(IntentRecorder v) { this.intents = required(v, "intentRecorder"); return this; }

    public Builder margins(MarginRates v) { this.margins = required(v, "margins"); return this; }

    /** Defaults to ₹10,00,000. */
    public Builder startingCash(Money v) { this.startingCash = required(v, "startingCash"); return this; }

    public ExecutionTier build() {
      return new ExecutionTier(this);
    }
  }
}
