package io.aitrader.groww.fake.wire;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.List;

/**
 * The fields of Groww's order-update message ({@code OrderDetailUpdateDto} inside {@code OrderDetailsBroadCastDto}).
 * Prices are the wire's whole numbers in whatever unit the fake publishes (the reference marks the unit
 * UNCONFIRMED; paise is the adapter's default — {@link FeedWire#paise(long)} converts ₹0.0001 units). Build with
 * {@link #builder(String)}. Immutable.
 *
 * <pre>{@code
 * byte[] bytes = FeedWire.orderUpdate(OrderUpdateMessage.builder("GMK39038RDT490CCVRO")
 *     .status(OrderStatus.EXECUTED).quantity(10).filledQuantity(10).avgFillPrice(FeedWire.paise(price))
 *     .side(Side.BUY).orderType(OrderType.LIMIT).build());
 * }</pre>
 *
 * @param growwOrderId      7
 * @param exchangeOrderId   8
 * @param status            9 (OPEN has no wire number and is refused)
 * @param quantity          1
 * @param filledQuantity    4
 * @param remainingQuantity 5
 * @param price             2 (int64, wire unit)
 * @param triggerPrice      3 (int64, wire unit)
 * @param avgFillPrice      6 (int64, wire unit)
 * @param validity          10 (duration)
 * @param exchange          11
 * @param segment           12
 * @param product           13
 * @param orderType         14
 * @param side              15 (buySell)
 * @param remark            16
 * @param contractId        22
 * @param guiOrderId        23
 * @param stages            {@code stageAndTimeStamp} entries of the broadcast
 */
public record OrderUpdateMessage(
    String growwOrderId,
    String exchangeOrderId,
    OrderStatus status,
    int quantity,
    int filledQuantity,
    int remainingQuantity,
    long price,
    long triggerPrice,
    long avgFillPrice,
    Validity validity,
    Exchange exchange,
    Segment segment,
    Product product,
    OrderType orderType,
    Side side,
    String remark,
    String contractId,
    String guiOrderId,
    List<Stage> stages) {

  /** Validates every component. */
  public OrderUpdateMessage {
    requireText(growwOrderId, "OrderUpdateMessage.growwOrderId");
    required(exchangeOrderId, "OrderUpdateMessage.exchangeOrderId");
    required(status, "OrderUpdateMessage.status");
    check(status != OrderStatus.OPEN, "OrderUpdateMessage.status", "has no order-update wire number", status);
    required(validity, "OrderUpdateMessage.validity");
    required(exchange, "OrderUpdateMessage.exchange");
    required(segment, "OrderUpdateMessage.segment");
    required(product, "OrderUpdateMessage.product");
    required(orderType, "OrderUpdateMessage.orderType");
    required(side, "OrderUpdateMessage.side");
    required(remark, "OrderUpdateMessage.remark");
    required(contractId, "OrderUpdateMessage.contractId");
    required(guiOrderId, "OrderUpdateMessage.guiOrderId");
    stages = List.copyOf(required(stages, "OrderUpdateMessage.stages"));
  }

  /** A builder for the order {@code growwOrderId}: status NEW, DAY, NSE, CASH, CNC, LIMIT, BUY, all numbers 0. */
  public static Builder builder(String growwOrderId) {
    return new Builder(growwOrderId);
  }

  /**
   * One {@code StageAndTimeStamp}.
   *
   * @param timeStampFromMidNight 1
   * @param stageName             2
   */
  public record Stage(double timeStampFromMidNight, String stageName) {
    /** Validates the name. */
    public Stage {
      required(stageName, "OrderUpdateMessage.Stage.stageName");
    }
  }

  /** Builds an {@link OrderUpdateMessage}. Not thread-safe. */
  public static final class Builder {
    private final String growwOrderId;
    private String exchangeOrderId = "";
    private OrderStatus status = OrderStatus.NEW;
    private int quantity;
    private int filledQuantity;
    private int remainingQuantity;
    private long price;
    private long triggerPrice;
    private long avgFillPrice;
    private Validity validity = Validity.DAY;
    private Exchange exchange = Exchange.NSE;
    private Segment segment = Segment.CASH;
    private Product product = Product.CNC;
    private OrderType orderType = OrderType.LIMIT;
    private Side side = Side.BUY;
    private String remark = "";
    private String contractId = "";
    private String guiOrderId = "";
    private List<Stage> stages = List.of();

    private Builder(String growwOrderId) {
      this.growwOrderId = growwOrderId;
    }

    public Builder exchangeOrderId(String v) { this.exchangeOrderId = v; return this; }

    public Builder status(OrderStatus v) { this.status = v; return this; }

    public Builder quantity(int v) { this.quantity = v; return this; }

    public Builder filledQuantity(int v) { this.filledQuantity = v; return this; }

    public Builder remainingQuantity(int v) { this.remainingQuantity = v; return this; }

    /** The limit price in the wire unit. */
    public Builder price(long v) { this.price = v; return this; }

    /** The trigger price in the wire unit. */
    public Builder triggerPrice(long v) { this.triggerPrice = v; return this; }

    /** The average fill price in the wire unit. */
    public Builder avgFillPrice(long v) { this.avgFillPrice = v; return this; }

    public Builder validity(Validity v) { this.validity = v; return this; }

    public Builder exchange(Exchange v) { this.exchange = v; return this; }

    public Builder segment(Segment v) { this.segment = v; return this; }

    public Builder product(Product v) { this.product = v; return this; }

    public Builder orderType(OrderType v) { this.orderType = v; return this; }

    public Builder side(Side v) { this.side = v; return this; }

    public Builder remark(String v) { this.remark = v; return this; }

    public Builder contractId(String v) { this.contractId = v; return this; }

    public Builder guiOrderId(String v) { this.guiOrderId = v; return this; }

    public Builder stages(List<Stage> v) { this.stages = v; return this; }

    public OrderUpdateMessage build() {
      return new OrderUpdateMessage(growwOrderId, exchangeOrderId, status, quantity, filledQuantity,
          remainingQuantity, price, triggerPrice, avgFillPrice, validity, exchange, segment, product, orderType, side,
          remark, contractId, guiOrderId, stages);
    }
  }
}
