package io.aitrader.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void keepsCommonIdsReadable() {
    assertThat(FileNames.of("NSE:RELIANCE")).isEqualTo("NSE_RELIANCE");
    assertThat(FileNames.of("NSE:BAJAJ-AUTO")).isEqualTo("NSE_BAJAJ-AUTO");
    assertThat(FileNames.of("NSE:NIFTY25JAN23500.5CE")).isEqualTo("NSE_NIFTY25JAN23500.5CE");
  }

  @Test
  void encodesCharactersThatAreUnsafeOrCaseSensitiveInFileNames() {
    assertThat(FileNames.of("NSE:M&M")).isEqualTo("NSE_M%26M");
    assertThat(FileNames.of("BSE:A/B_c")).isEqualTo("BSE_A%2FB%5F%63");
    assertThat(FileNames.of("NSE:..")).isEqualTo("NSE_..");
  }

  @Property(tries = 500)
  void isOneToOneAndUsesOnlyFileSafeCharacters(@ForAll("ids") String id) {
    String name = FileNames.of(id);

    assertThat(name).matches("[A-Z0-9._%-]*");
    assertThat(decode(name)).isEqualTo(id);
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e4\u00df\u0915\u20b9").ofMaxLength(24);
  }

  private static String decode(String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c == '_' ? ':' : c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
