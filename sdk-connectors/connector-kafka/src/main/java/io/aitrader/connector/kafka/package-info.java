/** Kafka connector: the event bus over Apache Kafka (kafka-clients). */
@NullMarked
package io.aitrader.connector.kafka;

import org.jspecify.annotations.NullMarked;
