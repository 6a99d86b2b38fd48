/**
 * The compatibility kit for {@link io.aitrader.api.feature.FeatureCache}:
 * {@link io.aitrader.testing.feature.FeatureCacheContract}.
 */
@NullMarked
package io.aitrader.testing.feature;

import org.jspecify.annotations.NullMarked;
