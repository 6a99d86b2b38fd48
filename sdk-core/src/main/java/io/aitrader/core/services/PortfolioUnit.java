package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Fill;
import io.aitrader.api.portfolio.ChargesModel;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.core.portfolio.DefaultPortfolioService;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The portfolio service as a service: the account's cash, positions and realized PnL kept from {@code orders.fills}
 * (each trade once, charged by the charges model, in event-time order), handed to a sink that saves its state
 * (PostgreSQL or a file) when the session has ended.
 */
public final class PortfolioUnit implements ServiceUnit {
  private final DefaultPortfolioService portfolio;
  private final ChargesModel charges;
  private final EventTimeGate gate = new EventTimeGate();
  private final Subscription subscription;
  private final Set<String> trades = new HashSet<>();
  private volatile boolean done;
  private volatile Portfolio last;

  public PortfolioUnit(EventBus bus, SessionPlan plan, Money startingCash, ChargesModel charges,
      Consumer<DefaultPortfolioService> snapshots) {
    this.charges = charges;
    this.portfolio = DefaultPortfolioService.builder().startingCash(startingCash).build();
    portfolio.startDay(plan.session().date(), plan.session().openMillis());
    this.last = portfolio.snapshot();
    gate.onAdvance(low -> {
      if (low >= plan.endMillis() && !done) {
        last = portfolio.snapshot();
        snapshots.accept(portfolio);
        done = true;
      }
    });
    subscription = bus.subscribe(Topics.fills(), gate.input("fills", 0, Fill::timestampMillis,
        f -> f.instrument().id(), this::apply));
  }

  private void apply(Fill fill) {
    if (trades.add(fill.referenceId() + "/" + fill.tradeId())) {
      portfolio.apply(fill, charges.chargesFor(fill));
    }
  }

  /** The portfolio at the session's end (or at the start, before it). */
  public Portfolio portfolio() {
    return last;
  }

  @Override
  public String name() {
    return "portfolio";
  }

  @Override
  public boolean sessionDone() {
    return done;
  }

  @Override
  public String report() {
    Portfolio p = last;
    return "portfolio: " + trades.size() + " trades, cash " + p.cash() + ", equity " + p.equity();
  }

  @Override
  public void close() {
    subscription.close();
  }
}
