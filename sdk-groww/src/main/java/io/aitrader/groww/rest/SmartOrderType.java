package io.aitrader.groww.rest;

/** Groww's smart order kinds: good-till-triggered and one-cancels-other. */
public enum SmartOrderType {
  GTT,
  OCO
}
