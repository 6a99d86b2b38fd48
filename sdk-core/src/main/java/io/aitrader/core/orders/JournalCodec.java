package io.aitrader.core.orders;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order journal's line format: one record per line, fields separated by tabs, text escaped ({@code \t},
 * {@code \n}, {@code \\}); an absent optional is an empty field, a present one is prefixed with {@code +} where
 * text may be empty. Records: {@code I} intent, {@code S} state, {@code F} failure.
 */
final class JournalCodec {
  static final String HEADER = "aitrader-order-journal v1";
  private static final int REQUEST_FIELDS = 12;

  private JournalCodec() {}

  static String intent(OrderRequest r, long atMillis) {
    StringBuilder b = new StringBuilder("I\t").append(atMillis);
    appendRequest(b, r);
    return b.append('\n').toString();
  }

  static String state(Order o) {
    StringBuilder b = new StringBuilder("S");
    appendRequest(b, o.request());
    b.append('\t').append(escape(o.brokerOrderId())).append('\t').append(o.status().name())
        .append('\t').append(o.filledQuantity())
        .append('\t').append(o.averageFillPrice().map(p -> Long.toString(p.units())).orElse(""))
        .append('\t').append(o.remark().map(r -> "+" + escape(r)).orElse(""))
        .append('\t').append(o.createdAtMillis()).append('\t').append(o.updatedAtMillis());
    return b.append('\n').toString();
  }

  static String failure(String referenceId, String reason, long atMillis) {
    return "F\t" + escape(referenceId) + '\t' + atMillis + '\t' + escape(reason) + '\n';
  }

  private static void appendRequest(StringBuilder b, OrderRequest r) {
    b.append('\t').append(escape(r.instrument().id())).append('\t').append(r.side().name())
        .append('\t').append(r.quantity()).append('\t').append(r.orderType().name())
        .append('\t').append(r.limitPrice().map(p -> Long.toString(p.units())).orElse(""))
        .append('\t').append(r.triggerPrice().map(p -> Long.toString(p.units())).orElse(""))
        .append('\t').append(r.product().name()).append('\t').append(r.validity().name())
        .append('\t').append(escape(r.referenceId())).append('\t').append(escape(r.strategyId()))
        .append('\t').append(r.algoId().map(JournalCodec::escape).orElse(""))
        .append('\t').append(r.tag().map(JournalCodec::escape).orElse(""));
  }

  /** A decoded line: its kind and fields. */
  record Line(char kind, List<String> fields) {}

  static Line split(String line, int lineNumber) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char e = line.charAt(++i);
        field.append(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    String kind = fields.remove(0);
    if (kind.length() != 1 || "ISF".indexOf(kind.charAt(0)) < 0) {
      throw bad(lineNumber, "unknown record kind '" + kind + "'");
    }
    return new Line(kind.charAt(0), fields);
  }

  static OrderRequest request(List<String> f, int from, InstrumentRepository instruments, int lineNumber) {
    if (f.size() < from + REQUEST_FIELDS) {
      throw bad(lineNumber, "expected " + REQUEST_FIELDS + " order request fields, found " + (f.size() - from));
    }
    String instrumentId = f.get(from);
    Instrument instrument = instruments.findById(instrumentId).orElseThrow(() -> bad(lineNumber,
        "instrument " + instrumentId + " is not in the instrument repository; load the master that has it"));
    OrderRequest.Builder b = OrderRequest.builder().instrument(instrument).side(Side.valueOf(f.get(from + 1)))
        .quantity(Long.parseLong(f.get(from + 2))).orderType(OrderType.valueOf(f.get(from + 3)))
        .product(Product.valueOf(f.get(from + 6))).validity(Validity.valueOf(f.get(from + 7)))
        .referenceId(f.get(from + 8)).strategyId(f.get(from + 9));
    if (!f.get(from + 4).isEmpty()) {
      b.limitPrice(Price.ofUnits(Long.parseLong(f.get(from + 4))));
    }
    if (!f.get(from + 5).isEmpty()) {
      b.triggerPrice(Price.ofUnits(Long.parseLong(f.get(from + 5))));
    }
    if (!f.get(from + 10).isEmpty()) {
      b.algoId(f.get(from + 10));
    }
    if (!f.get(from + 11).isEmpty()) {
      b.tag(f.get(from + 11));
    }
    return b.build();
  }

  static Order order(List<String> f, InstrumentRepository instruments, int lineNumber) {
    OrderRequest r = request(f, 0, instruments, lineNumber);
    int o = REQUEST_FIELDS;
    if (f.size() != o + 7) {
      throw bad(lineNumber, "expected " + (o + 7) + " fields in a state record, found " + f.size());
    }
    Optional<Price> average = f.get(o + 3).isEmpty() ? Optional.empty()
        : Optional.of(Price.ofUnits(Long.parseLong(f.get(o + 3))));
    Optional<String> remark = f.get(o + 4).isEmpty() ? Optional.empty() : Optional.of(f.get(o + 4).substring(1));
    return new Order(r, f.get(o), OrderStatus.valueOf(f.get(o + 1)), Long.parseLong(f.get(o + 2)), average, remark,
        Long.parseLong(f.get(o + 5)), Long.parseLong(f.get(o + 6)));
  }

  static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\\' || c == '\r') {
        if (b == null) {
          b = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        b.append('\\').append(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  static ConfigurationException bad(int lineNumber, String what) {
    return new ConfigurationException("order journal line " + lineNumber + ": " + what
        + " (the journal is written only by FileOrderStore; restore it from a backup or move it aside)");
  }
}
