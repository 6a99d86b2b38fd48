/**
 * The Groww REST client: {@link io.aitrader.groww.rest.GrowwClient} with one class per feature (orders, smart
 * orders, portfolio, live data, historical data, account), response records with exact prices, client-side rate
 * limits per Groww bucket, timeouts, retries of idempotent calls, and a small exception family that maps Groww's
 * envelope errors (GA000–GA007) and HTTP statuses onto the sdk-api exceptions
 * ({@link io.aitrader.groww.rest.GrowwFailure} gives the HTTP status, GA code and call of each).
 */
@NullMarked
package io.aitrader.groww.rest;

import org.jspecify.annotations.NullMarked;
