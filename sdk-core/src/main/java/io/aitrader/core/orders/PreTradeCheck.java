package io.aitrader.core.orders;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;

/**
 * A check the {@link DefaultOrderService} runs on every new or modified order after its own validation and before
 * the write-ahead record: the risk engine plugs in here. A refusal becomes an
 * {@link io.aitrader.api.OrderRejectedException} (or a {@link io.aitrader.api.RateLimitedException} when
 * {@link Verdict#rateLimited()}) and nothing is recorded or sent.
 */
@FunctionalInterface
public interface PreTradeCheck {
  /** Lets every order through. */
  PreTradeCheck NONE = request -> Verdict.PASS;

  /** The verdict on a new order. Called under the order service's lock, once per order. */
  Verdict check(OrderRequest request);

  /**
   * The verdict on changing working order {@code current} to {@code changed}. By default the changed order is
   * checked as a new one; a check that counts working orders or positions should not count {@code current} itself
   * nor its units already filled (they are in the position).
   */
  default Verdict checkModification(Order current, OrderRequest changed) {
    return check(changed);
  }

  /**
   * A check's answer.
   *
   * @param passed      whether the order may go on
   * @param rateLimited whether the refusal is a rate limit (retry later) rather than a rule
   * @param reason      why it was refused, naming the rule and the numbers; empty when passed
   * @param retryAfterMillis for a rate limit, how long until a retry may pass; 0 otherwise
   */
  record Verdict(boolean passed, boolean rateLimited, String reason, long retryAfterMillis) {
    /** The order may go on. */
    public static final Verdict PASS = new Verdict(true, false, "", 0);

    public Verdict {
      required(reason, "Verdict.reason");
      io.aitrader.api.ValidationException.check(retryAfterMillis >= 0, "Verdict.retryAfterMillis", "must be >= 0",
          retryAfterMillis);
    }

    /** Refused by a rule. */
    public static Verdict refuse(String reason) {
      return new Verdict(false, false, reason, 0);
    }

    /** Refused by a rate limit that lets a retry pass after {@code retryAfterMillis}. */
    public static Verdict throttle(String reason, long retryAfterMillis) {
      return new Verdict(false, true, reason, retryAfterMillis);
    }
  }
}
