package io.aitrader.groww.feed;

import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Quote;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a decoder delivers. */
final class RecordingListener implements FeedListener {
  final List<Quote> quotes = new ArrayList<>();
  final List<IndexValue> indexValues = new ArrayList<>();
  final List<MarketDepth> depths = new ArrayList<>();
  final List<GrowwOrderUpdate> orders = new ArrayList<>();
  final List<GrowwPositionUpdate> positions = new ArrayList<>();
  final List<FeedDrop> drops = new ArrayList<>();

  @Override
  public void onQuote(Quote quote) {
    quotes.add(quote);
  }

  @Override
  public void onIndexValue(IndexValue value) {
    indexValues.add(value);
  }

  @Override
  public void onMarketDepth(MarketDepth depth) {
    depths.add(depth);
  }

  @Override
  public void onOrderUpdate(GrowwOrderUpdate update) {
    orders.add(update);
  }

  @Override
  public void onPositionUpdate(GrowwPositionUpdate update) {
    positions.add(update);
  }

  @Override
  public void onDropped(FeedDrop drop) {
    drops.add(drop);
  }

  int delivered() {
    return quotes.size() + indexValues.size() + depths.size() + orders.size() + positions.size();
  }
}
