package org.polycorpus.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The table the build writes is the one Optimaize's profiles give, bit for bit. */
class NgramTableTest {
  @Test
  void builtInTableIsTheBuildsResourceAndEqualsTheProfiles() throws IOException {
    try (InputStream resource = NgramTable.class.getResourceAsStream(NgramTable.RESOURCE)) {
      assertThat(resource).as("the build writes " + NgramTable.RESOURCE + " beside NgramTable's class").isNotNull();
      NgramTable fromResource = NgramTable.read(resource);
      assertThat(fromResource.sameAs(NgramTable.fromProfiles())).isTrue();
      assertThat(fromResource.languages()).hasSize(70).contains("de", "fa", "ar");
    }
  }

  @Test
  void tablesDifferingInOneProbabilityAreNotTheSame() throws IOException {
    NgramTable table = NgramTable.fromProfiles();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.write(bytes);
    byte[] written = bytes.toByteArray();
    assertThat(NgramTable.read(new ByteArrayInputStream(written)).sameAs(table)).isTrue();
    written[written.length - 5] ^= 1; // a bit of the last slot's last probability
    assertThat(NgramTable.read(new ByteArrayInputStream(written)).sameAs(table)).isFalse();
  }
}
