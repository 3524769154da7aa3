package org.polycorpus.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Set;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;
import org.apache.tika.parser.txt.UniversalEncodingDetector;

/**
 * Chooses the character set of text without a declared one. Tika's default trusts
 * juniversalchardet first, which has no model for windows-1256 and reads Arabic and Persian as
 * x-MacCyrillic, and reads windows-1252 quotes and € as ISO-8859-1. ICU's detector gets those
 * right, so it decides, except where juniversalchardet is the stronger: Unicode and the
 * multi-byte East Asian sets. A charset declared in HTML wins over both.
 */
final class CharsetChooser implements EncodingDetector {
  private static final Set<String> UNIVERSAL_STRENGTHS = Set.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE",
      "UTF-32LE", "Shift_JIS", "EUC-JP", "ISO-2022-JP", "GB18030", "Big5", "EUC-KR", "EUC-TW", "HZ-GB-2312");
  private static final int SAMPLE = 64 * 1024;

  private final EncodingDetector html = new HtmlEncodingDetector();
  private final EncodingDetector icu = new Icu4jEncodingDetector();
  private final EncodingDetector universal = new UniversalEncodingDetector();

  @Override
  public Charset detect(InputStream input, Metadata metadata) throws IOException {
    if (input == null) {
      return null;
    }
    Charset declared = html.detect(input, metadata);
    if (declared != null) {
      return declared;
    }
    Charset byUniversal = universal.detect(input, metadata);
    if (byUniversal != null && UNIVERSAL_STRENGTHS.contains(byUniversal.name())) {
      return byUniversal;
    }
    Charset byIcu = icu.detect(input, metadata);
    if (byIcu != null && byIcu.name().equals("ISO-8859-6") && hasC1Bytes(input)) {
      // Persian letters (پ چ ژ گ ک) sit in 0x80-0x9F of windows-1256; ISO-8859-6 has none there.
      return Charset.forName("windows-1256");
    }
    return byIcu != null ? byIcu : byUniversal;
  }

  private static boolean hasC1Bytes(InputStream input) throws IOException {
    input.mark(SAMPLE);
    try {
      byte[] sample = input.readNBytes(SAMPLE);
      for (byte b : sample) {
        int value = b & 0xff;
        if (value >= 0x80 && value <= 0x9f) {
          return true;
        }
      }
      return false;
    } finally {
      input.reset();
    }
  }
}
