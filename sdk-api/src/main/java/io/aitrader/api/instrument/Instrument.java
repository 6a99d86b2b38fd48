package io.aitrader.api.instrument;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Price;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A tradable (or, for indices, quotable) instrument, with the fields of Groww's instrument master.
 *
 * <pre>{@code
 * Instrument reliance = Instrument.builder()
 *     .exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
 *     .tradingSymbol("RELIANCE").exchangeToken("2885").growwSymbol("NSE-RELIANCE")
 *     .name("Reliance Industries").isin("INE002A01018")
 *     .lotSize(1).tickSize(Price.of("0.10"))
 *     .build();
 * reliance.id();  // "NSE:RELIANCE"
 * }</pre>
 *
 * <p>Identity: two instruments are equal when every field is equal; {@link #id()} ({@code EXCHANGE:SYMBOL}) is
 * unique within one instrument master and is the key used in topics, stores and logs. Immutable and
 * thread-safe; the hash code is computed once, so instruments are cheap map keys on hot paths.
 */
public final class Instrument {
  private final Exchange exchange;
  private final Segment segment;
  private final InstrumentType type;
  private final String tradingSymbol;
  private final String exchangeToken;
  private final String growwSymbol;
  private final String name;
  private final @Nullable String isin;
  private final @Nullable String underlying;
  private final @Nullable LocalDate expiry;
  private final @Nullable Price strike;
  private final int lotSize;
  private final Price tickSize;
  private final int freezeQuantity;
  private final String id;
  private final int hash;

  private Instrument(Builder b) {
    this.exchange = required(b.exchange, "Instrument.exchange");
    this.segment = required(b.segment, "Instrument.segment");
    this.type = required(b.type, "Instrument.type");
    this.tradingSymbol = requireText(b.tradingSymbol, "Instrument.tradingSymbol").trim();
    this.exchangeToken = requireText(b.exchangeToken, "Instrument.exchangeToken").trim();
    this.growwSymbol = b.growwSymbol == null || b.growwSymbol.isBlank()
        ? exchange + "-" + tradingSymbol : b.growwSymbol.trim();
    this.name = b.name == null || b.name.isBlank() ? tradingSymbol : b.name.trim();
    this.isin = blankToNull(b.isin);
    this.underlying = blankToNull(b.underlying);
    this.expiry = b.expiry;
    this.strike = b.strike;
    this.lotSize = b.lotSize;
    this.tickSize = required(b.tickSize, "Instrument.tickSize");
    this.freezeQuantity = b.freezeQuantity;
    String where = " (instrument " + exchange + ":" + tradingSymbol + ")";
    check(lotSize >= 1, "Instrument.lotSize", "must be >= 1" + where, lotSize);
    check(tickSize.isPositive(), "Instrument.tickSize", "must be > 0" + where, tickSize);
    check(freezeQuantity >= 0, "Instrument.freezeQuantity", "must be >= 0 (0 = no freeze limit)" + where, freezeQuantity);
    if (type.isDerivative()) {
      check(expiry != null, "Instrument.expiry", "is required for " + type + where, "none");
      check(underlying != null, "Instrument.underlying", "is required for " + type + where, "none");
    } else {
      check(expiry == null, "Instrument.expiry", "must be empty for " + type + where, expiry);
    }
    if (type.isOption()) {
      check(strike != null && strike.isPositive(), "Instrument.strike", "must be > 0 for an option" + where, strike);
    } else {
      check(strike == null, "Instrument.strike", "must be empty for " + type + where, strike);
    }
    this.id = exchange + ":" + tradingSymbol;
    this.hash = Objects.hash(exchange, segment, type, tradingSymbol, exchangeToken, growwSymbol, name, isin,
        underlying, expiry, strike, lotSize, tickSize, freezeQuantity);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this instrument's fields, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.exchange = exchange;
    b.segment = segment;
    b.type = type;
    b.tradingSymbol = tradingSymbol;
    b.exchangeToken = exchangeToken;
    b.growwSymbol = growwSymbol;
    b.name = name;
    b.isin = isin;
    b.underlying = underlying;
    b.expiry = expiry;
    b.strike = strike;
    b.lotSize = lotSize;
    b.tickSize = tickSize;
    b.freezeQuantity = freezeQuantity;
    return b;
  }

  /** {@code EXCHANGE:TRADING_SYMBOL}, e.g. {@code NSE:RELIANCE}: the key used everywhere. */
  public String id() {
    return id;
  }

  public Exchange exchange() {
    return exchange;
  }

  public Segment segment() {
    return segment;
  }

  public InstrumentType type() {
    return type;
  }

  /** The exchange's trading symbol, e.g. {@code RELIANCE} or {@code BANKNIFTY25DEC27000PE}. */
  public String tradingSymbol() {
    return tradingSymbol;
  }

  /** The exchange token; Groww's live feed uses it as the subject suffix. */
  public String exchangeToken() {
    return exchangeToken;
  }

  /** Groww's symbol, e.g. {@code NSE-RELIANCE}; defaults to {@code EXCHANGE-SYMBOL}. */
  public String growwSymbol() {
    return growwSymbol;
  }

  /** The company or contract name; defaults to the trading symbol. */
  public String name() {
    return name;
  }

  public Optional<String> isin() {
    return Optional.ofNullable(isin);
  }

  /** The underlying symbol of a derivative. */
  public Optional<String> underlying() {
    return Optional.ofNullable(underlying);
  }

  /** The expiry date of a derivative. */
  public Optional<LocalDate> expiry() {
    return Optional.ofNullable(expiry);
  }

  /** The strike of an option. */
  public Optional<Price> strike() {
    return Optional.ofNullable(strike);
  }

  /** Quantities must be multiples of this (1 for cash equity). */
  public int lotSize() {
    return lotSize;
  }

  /** Prices must be multiples of this. */
  public Price tickSize() {
    return tickSize;
  }

  /** The largest quantity one order may carry; empty when the exchange sets none. */
  public OptionalInt freezeQuantity() {
    return freezeQuantity == 0 ? OptionalInt.empty() : OptionalInt.of(freezeQuantity);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Instrument)) {
      return false;
    }
    Instrument i = (Instrument) o;
    return hash == i.hash && lotSize == i.lotSize && freezeQuantity == i.freezeQuantity
        && exchange == i.exchange && segment == i.segment && type == i.type
        && tradingSymbol.equals(i.tradingSymbol) && exchangeToken.equals(i.exchangeToken)
        && growwSymbol.equals(i.growwSymbol) && name.equals(i.name) && Objects.equals(isin, i.isin)
        && Objects.equals(underlying, i.underlying) && Objects.equals(expiry, i.expiry)
        && Objects.equals(strike, i.strike) && tickSize.equals(i.tickSize);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The {@link #id()}, e.g. {@code NSE:RELIANCE}. */
  @Override
  public String toString() {
    return id;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Builds an {@link Instrument}; {@link #build()} validates every field. Not thread-safe. */
  public static final class Builder {
    private @Nullable Exchange exchange;
    private @Nullable Segment segment;
    private @Nullable InstrumentType type;
    private @Nullable String tradingSymbol;
    private @Nullable String exchangeToken;
    private @Nullable String growwSymbol;
    private @Nullable String name;
    private @Nullable String isin;
    private @Nullable String underlying;
    private @Nullable LocalDate expiry;
    private @Nullable Price strike;
    private int lotSize = 1;
    private @Nullable Price tickSize;
    private int freezeQuantity;

    private Builder() {}

    public Builder exchange(Exchange v) { this.exchange = v; return this; }

    public Builder segment(Segment v) { this.segment = v; return this; }

    public Builder type(InstrumentType v) { this.type = v; return this; }

    public Builder tradingSymbol(String v) { this.tradingSymbol = v; return this; }

    public Builder exchangeToken(String v) { this.exchangeToken = v; return this; }

    public Builder growwSymbol(String v) { this.growwSymbol = v; return this; }

    public Builder name(String v) { this.name = v; return this; }

    public Builder isin(String v) { this.isin = v; return this; }

    public Builder underlying(String v) { this.underlying = v; return this; }

    public Builder expiry(LocalDate v) { this.expiry = v; return this; }

    public Builder strike(Price v) { this.strike = v; return this; }

    /** Defaults to 1. */
    public Builder lotSize(int v) { this.lotSize = v; return this; }

    public Builder tickSize(Price v) { this.tickSize = v; return this; }

    /** 0 (the default) means no freeze limit. */
    public Builder freezeQuantity(int v) { this.freezeQuantity = v; return this; }

    public Instrument build() {
      return new Instrument(this);
    }
  }
}
