package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.required;

/**
 * A feed message the {@link FeedDecoder} dropped instead of delivering, and why. Drops are counted
 * ({@link FeedDecoder#stats()}) and reported to {@link FeedListener#onDropped}; the decoder never throws for bad
 * input. Immutable.
 *
 * @param reason  why the message was dropped
 * @param subject the NATS subject it came on
 * @param detail  what was wrong, for logs (never contains credentials)
 */
public record FeedDrop(Reason reason, String subject, String detail) {

  /** Validates every component. */
  public FeedDrop {
    required(reason, "FeedDrop.reason");
    required(subject, "FeedDrop.subject");
    required(detail, "FeedDrop.detail");
  }

  /** Why a message was dropped. */
  public enum Reason {
    /** The subject is not a mapped Groww feed subject ({@link FeedSubjects#parse}). */
    UNMAPPED_SUBJECT,
    /** The subject names an (exchange, segment, token) the decoder's {@link InstrumentLookup} does not know. */
    UNKNOWN_INSTRUMENT,
    /** The bytes are not a valid protobuf message (truncated, bad tag, bad varint, invalid UTF-8 …). */
    MALFORMED,
    /** A valid message of the wrong kind for its subject (e.g. a depth branch on an LTP subject). */
    WRONG_MESSAGE,
    /** A field value that cannot be normalized (zero or negative price, NaN, a missing order id …). */
    INVALID_VALUE,
    /** An enum number the SDK cannot map (e.g. exchange MCXSX, segment CURRENCY, an unknown status). */
    UNKNOWN_ENUM
  }
}
