package io.aitrader.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SdkVersionTest {

  @Test
  void versionIsFilteredFromThePom() throws IOException {
    // surefire runs in the module directory; the module inherits its version from the parent block
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
    assertThat(parent.find()).isTrue();

    assertThat(SdkVersion.version()).isNotBlank().doesNotContain("${").isEqualTo(parent.group(1).trim());
  }

  @Test
  void majorIsTheFirstNumber() {
    assertThat(SdkVersion.major()).isEqualTo(Integer.parseInt(SdkVersion.version().split("[.-]")[0]));
    assertThat(SdkVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
