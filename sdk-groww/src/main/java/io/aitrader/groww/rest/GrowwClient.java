package io.aitrader.groww.rest;

import io.aitrader.api.ValidationException;
import io.aitrader.groww.auth.TokenManager;

/**
 * The Groww Trading API over REST: every endpoint of the protocol reference §3, grouped by feature.
 *
 * <pre>{@code
 * GrowwClient groww = GrowwClient.create(GrowwClientConfig.builder()
 *     .credentials(GrowwCredentials.fromEnvironment()).build());
 * OrderAck ack = groww.orders().place(OrderPlacement.of(request));
 * Map<String, Price> ltp = groww.liveData().ltp(Segment.CASH, List.of("NSE_RELIANCE", "NSE_INFY"));
 * }</pre>
 *
 * <p>Every call: the headers of Groww's SDK (bearer token, {@code x-api-version: 1.0}, a fresh
 * {@code x-request-id}), a client-side permit from its Groww rate bucket (the call waits rather than gets 429s),
 * a timeout, the envelope unwrapped and errors mapped to typed exceptions ({@link GrowwApiException} and
 * siblings). GETs are retried after a 429, 5xx or timeout with exponential back-off; writes never are. A 401 mints
 * a new token (API-key credentials) and repeats the call once. Thread-safe; share one client per account.
 */
public final class GrowwClient {
  private final GrowwHttp http;
  private final GrowwOrders orders;
  private final GrowwSmartOrders smartOrders;
  private final GrowwPortfolio portfolio;
  private final GrowwLiveData liveData;
  private final GrowwHistorical historical;
  private final GrowwAccount account;
  private final GrowwFeedTokens feedTokens;

  private GrowwClient(GrowwClientConfig config) {
    this.http = new GrowwHttp(config);
    this.orders = new GrowwOrders(http);
    this.smartOrders = new GrowwSmartOrders(http);
    this.portfolio = new GrowwPortfolio(http);
    this.liveData = new GrowwLiveData(http);
    this.historical = new GrowwHistorical(http);
    this.account = new GrowwAccount(http);
    this.feedTokens = new GrowwFeedTokens(http);
  }

  /** A client with these settings; nothing is sent until the first call (the token is minted then). */
  public static GrowwClient create(GrowwClientConfig config) {
    return new GrowwClient(ValidationException.required(config, "GrowwClient.config"));
  }

  public GrowwClientConfig config() {
    return http.config();
  }

  /** The access-token manager (e.g. to mint eagerly with {@code tokens().current()} at start-up). */
  public TokenManager tokens() {
    return http.tokens();
  }

  /** Place, modify, cancel, status, detail, list, trades. */
  public GrowwOrders orders() {
    return orders;
  }

  /** GTT and OCO orders. */
  public GrowwSmartOrders smartOrders() {
    return smartOrders;
  }

  /** Holdings and positions. */
  public GrowwPortfolio portfolio() {
    return portfolio;
  }

  /** Quote, LTP, OHLC, option chain, greeks. */
  public GrowwLiveData liveData() {
    return liveData;
  }

  /** Candles, expiries, contracts. */
  public GrowwHistorical historical() {
    return historical;
  }

  /** Margins and the user profile. */
  public GrowwAccount account() {
    return account;
  }

  /** The live feed's socket tokens (§3.8). */
  public GrowwFeedTokens feedTokens() {
    return feedTokens;
  }

  /** The instrument master CSV text, downloaded from the configured URL (no authentication, no rate bucket). */
  public String instrumentsCsv() {
    return http.fetchText(http.config().instrumentsUri(), "Groww instrument master CSV");
  }

  @Override
  public String toString() {
    return "GrowwClient[" + http.config() + "]";
  }
}
