package io.aitrader.api.order;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Identifiers;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a strategy asks for: one order, validated against its instrument before it goes anywhere.
 *
 * <pre>{@code
 * OrderRequest buy = OrderRequest.builder()
 *     .instrument(reliance).side(Side.BUY).quantity(10)
 *     .orderType(OrderType.LIMIT).limitPrice(Price.of("2534.05"))
 *     .product(Product.MIS)                 // validity defaults to DAY
 *     .referenceId("mom5m-000042").strategyId("momentum-5m")
 *     .build();
 * }</pre>
 *
 * <p>Rules checked by the constructor (each failure names the field and the bad value):
 * <ul>
 *   <li>the instrument is tradable (not an index);</li>
 *   <li>{@code quantity} is a positive multiple of the instrument's lot size;</li>
 *   <li>a limit price is present exactly for LIMIT and SL, a trigger price exactly for SL and SL_M
 *       ({@link OrderType}); both are positive multiples of the tick size; for SL a BUY's trigger is at or below
 *       its limit and a SELL's at or above it;</li>
 *   <li>{@code referenceId} follows Groww's {@code order_reference_id} rule ({@link #isValidReferenceId});</li>
 *   <li>{@code strategyId} is a valid strategy id ({@link Identifiers#STRATEGY_ID});</li>
 *   <li>the optional algo id and tag, when present, are non-blank, at most 64 characters.</li>
 * </ul>
 * The exchange's freeze quantity is not checked here: the order service splits or rejects larger orders.
 *
 * <p>Immutable and thread-safe. Absent optional values are empty {@code Optional}s, never null.
 *
 * @param instrument   what to trade
 * @param side         BUY or SELL (Groww's {@code transaction_type})
 * @param quantity     units (shares, or lots × lot size for derivatives), a positive multiple of the lot size
 * @param orderType    how the order is priced
 * @param limitPrice   the limit price, for LIMIT and SL only
 * @param triggerPrice the trigger price, for SL and SL_M only
 * @param product      CNC, MIS, NRML, …
 * @param validity     how long the order lives
 * @param referenceId  the caller-chosen idempotency key, Groww's {@code order_reference_id}
 * @param strategyId   the strategy that wants the order
 * @param algoId       the exchange-approved algo identifier, when the order must carry one (SEBI 2025)
 * @param tag          a free-text label for the caller's own bookkeeping
 */
public record OrderRequest(
    Instrument instrument,
    Side side,
    long quantity,
    OrderType orderType,
    Optional<Price> limitPrice,
    Optional<Price> triggerPrice,
    Product product,
    Validity validity,
    String referenceId,
    String strategyId,
    Optional<String> algoId,
    Optional<String> tag) {

  private static final int MAX_LABEL = 64;

  /** Validates every component; see the type's rules. */
  public OrderRequest {
    required(instrument, "OrderRequest.instrument");
    required(side, "OrderRequest.side");
    required(orderType, "OrderRequest.orderType");
    required(limitPrice, "OrderRequest.limitPrice");
    required(triggerPrice, "OrderRequest.triggerPrice");
    required(product, "OrderRequest.product");
    required(validity, "OrderRequest.validity");
    required(referenceId, "OrderRequest.referenceId");
    required(algoId, "OrderRequest.algoId");
    required(tag, "OrderRequest.tag");
    check(instrument.type().isTradable(), "OrderRequest.instrument", "must be tradable (an index is not)", instrument);
    // messages are built only for a bad value: a request is made per order
    if (quantity <= 0 || quantity % instrument.lotSize() != 0) {
      check(false, "OrderRequest.quantity", "must be a positive multiple of lot size " + instrument.lotSize(), quantity);
    }
    checkPrice("OrderRequest.limitPrice", limitPrice, orderType.requiresLimitPrice(), orderType, instrument);
    checkPrice("OrderRequest.triggerPrice", triggerPrice, orderType.requiresTriggerPrice(), orderType, instrument);
    if (orderType == OrderType.SL) {
      Price limit = limitPrice.orElseThrow();
      Price trigger = triggerPrice.orElseThrow();
      if (side == Side.BUY) {
        if (trigger.compareTo(limit) > 0) {
          check(false, "OrderRequest.triggerPrice", "must be <= limitPrice " + limit + " for a BUY SL order", trigger);
        }
      } else if (trigger.compareTo(limit) < 0) {
        check(false, "OrderRequest.triggerPrice", "must be >= limitPrice " + limit + " for a SELL SL order", trigger);
      }
    }
    if (!isValidReferenceId(referenceId)) {
      check(false, "OrderRequest.referenceId", "must be 8-20 letters or digits with at most two '-'",
          "'" + referenceId + "'");
    }
    Identifiers.requireStrategyId(strategyId, "OrderRequest.strategyId");
    checkLabel("OrderRequest.algoId", algoId);
    checkLabel("OrderRequest.tag", tag);
  }

  /**
   * Whether {@code id} is a valid Groww {@code order_reference_id}: 8–20 characters, ASCII letters, digits and at
   * most two {@code '-'} (the pattern {@code [A-Za-z0-9-]{8,20}}, checked character by character: no matcher per
   * order).
   */
  public static boolean isValidReferenceId(String id) {
    int n = id.length();
    if (n < 8 || n > 20) {
      return false;
    }
    int dashes = 0;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c == '-') {
        dashes++;
      } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return dashes <= 2;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a changed copy (a modification, a new reference id). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.instrument = instrument;
    b.side = side;
    b.quantity = quantity;
    b.orderType = orderType;
    b.limitPrice = limitPrice.orElse(null);
    b.triggerPrice = triggerPrice.orElse(null);
    b.product = product;
    b.validity = validity;
    b.referenceId = referenceId;
    b.strategyId = strategyId;
    b.algoId = algoId.orElse(null);
    b.tag = tag.orElse(null);
    return b;
  }

  /** The quantity with its sign: positive for BUY, negative for SELL. */
  public long signedQuantity() {
    return side.sign() * quantity;
  }

  /** The limit price × quantity, when there is a limit price: the most a BUY pays, the least a SELL receives. */
  public Optional<Money> limitValue() {
    return limitPrice.map(p -> p.times(quantity));
  }

  private static void checkPrice(String field, Optional<Price> price, boolean needed, OrderType type, Instrument instrument) {
    if (!needed) {
      if (price.isPresent()) {
        check(false, field, "must be empty for a " + type + " order", price.orElseThrow().toString());
      }
      return;
    }
    if (price.isEmpty()) {
      check(false, field, "is required for a " + type + " order", "empty");
    }
    Price p = price.orElseThrow();
    check(p.isPositive(), field, "must be > 0", p);
    if (!p.isMultipleOf(instrument.tickSize())) {
      check(false, field, "must be a multiple of tick size " + instrument.tickSize() + " (instrument " + instrument
          + ")", p);
    }
  }

  private static void checkLabel(String field, Optional<String> value) {
    if (value.isPresent()) {
      String v = value.orElseThrow();
      if (v.isBlank() || v.length() > MAX_LABEL) {
        check(false, field, "must be non-blank and at most " + MAX_LABEL + " characters when present", "'" + v + "'");
      }
    }
  }

  /**
   * Builds an {@link OrderRequest}; {@link #build()} validates. {@code validity} defaults to {@link Validity#DAY};
   * every other field without a default must be set. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable Instrument instrument;
    private @Nullable Side side;
    private long quantity;
    private @Nullable OrderType orderType;
    private @Nullable Price limitPrice;
    private @Nullable Price triggerPrice;
    private @Nullable Product product;
    private Validity validity = Validity.DAY;
    private @Nullable String referenceId;
    private @Nullable String strategyId;
    private @Nullable String algoId;
    private @Nullable String tag;

    private Builder() {}

    public Builder instrument(Instrument v) { this.instrument = v; return this; }

    public Builder side(Side v) { this.side = v; return this; }

    public Builder quantity(long v) { this.quantity = v; return this; }

    public Builder orderType(OrderType v) { this.orderType = v; return this; }

    public Builder limitPrice(Price v) { this.limitPrice = v; return this; }

    /** Removes the limit price, e.g. when deriving a MARKET order from a LIMIT one. */
    public Builder noLimitPrice() { this.limitPrice = null; return this; }

    public Builder triggerPrice(Price v) { this.triggerPrice = v; return this; }

    /** Removes the trigger price. */
    public Builder noTriggerPrice() { this.triggerPrice = null; return this; }

    public Builder product(Product v) { this.product = v; return this; }

    /** Defaults to {@link Validity#DAY}. */
    public Builder validity(Validity v) { this.validity = v; return this; }

    public Builder referenceId(String v) { this.referenceId = v; return this; }

    public Builder strategyId(String v) { this.strategyId = v; return this; }

    public Builder algoId(String v) { this.algoId = v; return this; }

    public Builder tag(String v) { this.tag = v; return this; }

    /** Validates and builds; throws {@link ValidationException} naming the first bad field. */
    public OrderRequest build() {
      return new OrderRequest(
          required(instrument, "OrderRequest.instrument"),
          required(side, "OrderRequest.side"),
          quantity,
          required(orderType, "OrderRequest.orderType"),
          Optional.ofNullable(limitPrice),
          Optional.ofNullable(triggerPrice),
          required(product, "OrderRequest.product"),
          validity,
          required(referenceId, "OrderRequest.referenceId"),
          required(strategyId, "OrderRequest.strategyId"),
          Optional.ofNullable(algoId),
          Optional.ofNullable(tag));
    }
  }
}
