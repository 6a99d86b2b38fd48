package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.time.Ist;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's account: cash, and holdings, positions and margins derived from the paper fills. Deliberately simple
 * (documented in {@link FakeGroww}): every BUY fill pays its full value from cash and every SELL fill adds it (no
 * leverage, no charges); a BUY needs its value (MIS: 20% of it; FNO: 15%) in cash when placed; positions are the
 * fills of the current IST day per (instrument, product); holdings are the CNC quantities bought on earlier days.
 * Callers hold the fake's lock.
 */
final class Account {
  private final long initialCashUnits;
  private final boolean positionPricesInPaise;
  private long cashUnits;
  private final List<Fill> fills = new ArrayList<>();

  Account(long initialCashUnits, boolean positionPricesInPaise) {
    this.initialCashUnits = initialCashUnits;
    this.cashUnits = initialCashUnits;
    this.positionPricesInPaise = positionPricesInPaise;
  }

  /** The paper broker's funds check: a BUY's margin must fit in the cash. */
  Optional<String> refuse(OrderRequest request, long estimatedPriceUnits) {
    if (request.side() != Side.BUY) {
      return Optional.empty();
    }
    long value = Math.multiplyExact(estimatedPriceUnits, request.quantity());
    long needed = marginFor(request.instrument(), request.product(), value);
    if (needed > cashUnits) {
      return Optional.of("Insufficient funds: the order needs " + Money.ofUnits(needed) + " but "
          + Money.ofUnits(Math.max(0, cashUnits)) + " is available");
    }
    return Optional.empty();
  }

  static long marginFor(Instrument instrument, Product product, long valueUnits) {
    if (instrument.segment() == Segment.FNO) {
      return valueUnits * 15 / 100;
    }
    return product == Product.MIS ? valueUnits / 5 : valueUnits;
  }

  void apply(Fill fill) {
    fills.add(fill);
    long value = Math.multiplyExact(fill.price().units(), fill.quantity());
    cashUnits = fill.side() == Side.BUY ? Math.subtractExact(cashUnits, value) : Math.addExact(cashUnits, value);
  }

  long cashUnits() {
    return cashUnits;
  }

  /** {@code {"holdings": [...]}}: CNC net quantities bought before the IST day of {@code nowMillis}. */
  ObjectNode holdings(long nowMillis) {
    long today = Ist.epochDayOf(nowMillis);
    Map<Instrument, long[]> net = new LinkedHashMap<>(); // [quantity, buy value, buy quantity]
    for (Fill f : fills) {
      if (f.product() != Product.CNC || Ist.epochDayOf(f.timestampMillis()) >= today) {
        continue;
      }
      long[] a = net.computeIfAbsent(f.instrument(), k -> new long[3]);
      a[0] += f.signedQuantity();
      if (f.side() == Side.BUY) {
        a[1] += f.price().units() * f.quantity();
        a[2] += f.quantity();
      }
    }
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("holdings");
    net.forEach((inst, a) -> {
      if (a[0] <= 0) {
        return;
      }
      ObjectNode h = list.addObject();
      h.put("isin", inst.isin().orElse(""));
      h.put("trading_symbol", inst.tradingSymbol());
      h.put("quantity", a[0]);
      h.set("average_price", Json.decimal(average(a[1], a[2])));
      for (String zero : new String[] {"pledge_quantity", "demat_locked_quantity", "groww_locked_quantity",
          "repledge_quantity", "t1_quantity"}) {
        h.put(zero, 0);
      }
      h.put("demat_free_quantity", a[0]);
      h.put("corporate_action_additional_quantity", 0);
      h.put("active_demat_transfer_quantity", 0);
    });
    return out;
  }

  /** {@code {"positions": [...]}} of the IST day of {@code nowMillis}, optionally one segment or symbol. */
  ObjectNode positions(long nowMillis, Optional<Segment> segment, Optional<String> tradingSymbol) {
    long today = Ist.epochDayOf(nowMillis);
    Map<String, PositionSums> sums = new LinkedHashMap<>();
    for (Fill f : fills) {
      if (Ist.epochDayOf(f.timestampMillis()) != today
          || segment.isPresent() && f.instrument().segment() != segment.get()
          || tradingSymbol.isPresent() && !f.instrument().tradingSymbol().equals(tradingSymbol.get())) {
        continue;
      }
      sums.computeIfAbsent(f.instrument().id() + "|" + f.product(), k -> new PositionSums(f.instrument(), f.product()))
          .add(f);
    }
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("positions");
    for (PositionSums p : sums.values()) {
      ObjectNode o = list.addObject();
      o.put("trading_symbol", p.instrument.tradingSymbol());
      o.put("segment", p.instrument.segment().name());
      o.put("credit_quantity", p.buyQty);
      o.set("credit_price", positionPrice(average(p.buyValue, p.buyQty)));
      o.put("debit_quantity", p.sellQty);
      o.set("debit_price", positionPrice(average(p.sellValue, p.sellQty)));
      o.put("carry_forward_credit_quantity", 0);
      o.set("carry_forward_credit_price", positionPrice(BigDecimal.ZERO));
      o.put("carry_forward_debit_quantity", 0);
      o.set("carry_forward_debit_price", positionPrice(BigDecimal.ZERO));
      o.put("exchange", p.instrument.exchange().name());
      o.put("symbol_isin", p.instrument.isin().orElse(""));
      long net = p.buyQty - p.sellQty;
      o.put("quantity", net);
      o.put("product", p.product.name());
      o.put("net_carry_forward_quantity", 0);
      BigDecimal netPrice = net > 0 ? average(p.buyValue, p.buyQty) : net < 0 ? average(p.sellValue, p.sellQty)
          : BigDecimal.ZERO;
      o.set("net_price", positionPrice(netPrice));
      o.set("net_carry_forward_price", positionPrice(BigDecimal.ZERO));
      long closed = Math.min(p.buyQty, p.sellQty);
      BigDecimal realised = closed == 0 ? BigDecimal.ZERO
          : average(p.sellValue, p.sellQty).subtract(average(p.buyValue, p.buyQty)).multiply(BigDecimal.valueOf(closed))
              .setScale(2, RoundingMode.HALF_EVEN);
      o.set("realised_pnl", Json.decimal(realised));
    }
    return out;
  }

  /** {@code GET /v1/margins/detail/user}: cash, the margin the day's open positions use, balances. */
  ObjectNode margins() {
    long used = Math.max(0, initialCashUnits - cashUnits);
    long available = Math.max(0, cashUnits);
    ObjectNode o = Json.object();
    Json.putRupees(o, "clear_cash", available);
    Json.putRupees(o, "net_margin_used", used);
    Json.putRupees(o, "brokerage_and_charges", 0);
    Json.putRupees(o, "collateral_used", 0);
    Json.putRupees(o, "collateral_available", 0);
    Json.putRupees(o, "adhoc_margin", 0);
    ObjectNode fno = o.putObject("fno_margin_details");
    for (String f : new String[] {"net_fno_margin_used", "span_margin_used", "exposure_margin_used"}) {
      Json.putRupees(fno, f, 0);
    }
    for (String f : new String[] {"future_balance_available", "option_buy_balance_available",
        "option_sell_balance_available"}) {
      Json.putRupees(fno, f, available);
    }
    ObjectNode eq = o.putObject("equity_margin_details");
    Json.putRupees(eq, "net_equity_margin_used", used);
    Json.putRupees(eq, "cnc_margin_used", used);
    Json.putRupees(eq, "mis_margin_used", 0);
    Json.putRupees(eq, "cnc_balance_available", available);
    Json.putRupees(eq, "mis_balance_available", Math.multiplyExact(available, 5));
    ObjectNode com = o.putObject("commodity_margin_details");
    for (String f : new String[] {"commodity_span_margin", "commodity_exposure_margin", "commodity_tender_margin",
        "commodity_special_margin", "commodity_additional_margin", "commodity_unrealised_m2m",
        "commodity_realised_m2m"}) {
      Json.putRupees(com, f, 0);
    }
    return o;
  }

  /** {@code POST /v1/margins/detail/orders}: the margin a basket needs, by the fake's simple rates. */
  static ObjectNode required(JsonNode basket, java.util.function.Function<JsonNode, Instrument> resolve,
      java.util.function.ToLongFunction<Instrument> lastPrice) {
    if (!basket.isArray() || basket.isEmpty()) {
      throw ApiError.badRequest("the body must be a non-empty JSON array of orders");
    }
    long exposure = 0;
    long span = 0;
    long premium = 0;
    long cnc = 0;
    long mis = 0;
    for (JsonNode item : basket) {
      Instrument inst = resolve.apply(item);
      long qty = Wire.integer(item, "quantity");
      if (qty <= 0) {
        throw ApiError.badRequest("'quantity' must be > 0, was " + qty);
      }
      // a market order (price 0 or absent) is valued at the current price
      long price = Wire.price(item, "price").map(p -> p.units()).orElseGet(() -> lastPrice.applyAsLong(inst));
      Product product = Wire.enumField(item, Product.class, "product");
      Side side = Wire.enumField(item, Side.class, "transaction_type");
      long value = Math.multiplyExact(price, qty);
      if (inst.segment() == Segment.FNO) {
        if (inst.type().isOption() && side == Side.BUY) {
          premium += value;
        } else {
          span += value * 10 / 100;
          exposure += value * 5 / 100;
        }
      } else if (product == Product.MIS) {
        mis += value / 5;
      } else {
        cnc += value;
      }
    }
    ObjectNode o = Json.object();
    Json.putRupees(o, "exposure_required", exposure);
    Json.putRupees(o, "span_required", span);
    Json.putRupees(o, "option_buy_premium", premium);
    Json.putRupees(o, "brokerage_and_charges", 0);
    Json.putRupees(o, "total_requirement", exposure + span + premium + cnc + mis);
    Json.putRupees(o, "cash_cnc_margin_required", cnc);
    Json.putRupees(o, "cash_mis_margin_required", mis);
    Json.putRupees(o, "physical_delivery_margin_requirement", 0);
    return o;
  }

  private com.fasterxml.jackson.databind.node.DecimalNode positionPrice(BigDecimal rupees) {
    return Json.decimal(positionPricesInPaise ? rupees.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN) : rupees);
  }

  /** Σvalue ÷ quantity in rupees, 4 decimals at most (units are ₹0.0001). */
  private static BigDecimal average(long valueUnits, long quantity) {
    if (quantity == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal units = BigDecimal.valueOf(valueUnits).divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_EVEN);
    return io.aitrader.api.money.Price.ofUnits(units.longValueExact()).toBigDecimal();
  }

  private static final class PositionSums {
    final Instrument instrument;
    final Product product;
    long buyQty;
    long buyValue;
    long sellQty;
    long sellValue;

    PositionSums(Instrument instrument, Product product) {
      this.instrument = instrument;
      this.product = product;
    }

    void add(Fill f) {
      long v = Math.multiplyExact(f.price().units(), f.quantity());
      if (f.side() == Side.BUY) {
        buyQty += f.quantity();
        buyValue += v;
      } else {
        sellQty += f.quantity();
        sellValue += v;
      }
    }
  }
}
