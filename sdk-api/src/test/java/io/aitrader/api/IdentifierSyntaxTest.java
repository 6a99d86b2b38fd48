package io.aitrader.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.order.OrderRequest;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written checks of strategy ids and order reference ids accept exactly the language of their documented
 * patterns, on many generated strings around the edges (length limits, the allowed characters and their
 * neighbours, non-ASCII letters).
 */
class IdentifierSyntaxTest {
  private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9-]{8,20}");
  /** Letters, digits and punctuation at and around the edges of the allowed ranges, and non-ASCII ones. */
  private static final String ALPHABET = "azAZ09mQ5-_ .@[`{/:é\u00a0";

  @Test
  void strategyIdCheckAgreesWithItsPattern() {
    SplittableRandom random = new SplittableRandom(7);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = randomString(random, 70, "az09m-_");
      boolean expected = Identifiers.STRATEGY_ID.matcher(s).matches();
      assertThat(Identifiers.isStrategyId(s)).as("'%s'", s).isEqualTo(expected);
      accepted += expected ? 1 : 0;
    }
    assertThat(accepted).as("generated enough valid ids to compare").isGreaterThan(1_000);
  }

  @Test
  void referenceIdCheckAgreesWithGrowwsRule() {
    SplittableRandom random = new SplittableRandom(11);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = randomString(random, 24, "azAZ09m");
      boolean expected = REFERENCE_ID.matcher(s).matches() && s.chars().filter(c -> c == '-').count() <= 2;
      assertThat(OrderRequest.isValidReferenceId(s)).as("'%s'", s).isEqualTo(expected);
      accepted += expected ? 1 : 0;
    }
    assertThat(accepted).as("generated enough valid ids to compare").isGreaterThan(1_000);
  }

  /** Mostly characters the patterns allow, sometimes one they do not, of a length around the limits. */
  private static String randomString(SplittableRandom random, int maxLength, String common) {
    int n = random.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(random.nextInt(12) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
          : common.charAt(random.nextInt(common.length())));
    }
    return b.toString();
  }
}
