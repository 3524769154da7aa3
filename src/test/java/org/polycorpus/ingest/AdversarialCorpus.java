package org.polycorpus.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes a folder of hostile and awkward inputs, each named after what it exercises, and records
 * the status each must get. Everything is generated; nothing binary is committed.
 */
final class AdversarialCorpus {
  static final String SECRET = "TOPSECRET-4711-polycorpus";
  static final String GERMAN = "Marokko und Pakistan vertiefen ihre Zusammenarbeit im Kampf gegen Terrorismus "
      + "und Menschenhandel. Die Behörden beider Länder vereinbarten gemeinsame Maßnahmen für größere Sicherheit.";
  static final String ARABIC = "استقبل المدير العام للأمن الوطني بالمغرب المفتش العام للشرطة الباكستانية، "
      + "وتركزت المباحثات على سبل تعزيز التعاون الأمني بين البلدين في مكافحة الإرهاب والهجرة غير الشرعية.";
  static final String PERSIAN = "مراکش و پاکستان در اقدامی مهم برای رسیدگی به چالشهای امنیتی مشترک، متعهد شدند "
      + "همکاریهای دوجانبه خود را در مبارزه با تروریسم، قاچاق انسان و مهاجرت غیرقانونی تقویت کنند.";

  /** File (relative path) to the status it must get. */
  final Map<String, String> expected = new LinkedHashMap<>();
  final Path input;
  final Path secret;

  private AdversarialCorpus(Path input, Path secret) {
    this.input = input;
    this.secret = secret;
  }

  /** Writes the corpus under the given folder (input/ and secret.txt), for jobs/benchmark-hostile.sh. */
  public static void main(String[] args) throws Exception {
    AdversarialCorpus corpus = write(Path.of(args[0]));
    corpus.expected.forEach((file, status) -> System.out.println(status + "\t" + file.replace("\n", "\\n")));
  }

  static AdversarialCorpus write(Path root) throws Exception {
    Path input = Files.createDirectories(root.resolve("input"));
    Path secret = root.resolve("secret.txt");
    Files.writeString(secret, SECRET);
    AdversarialCorpus corpus = new AdversarialCorpus(input, secret);
    corpus.writeAll();
    return corpus;
  }

  private void writeAll() throws Exception {
    bytes("empty_file.txt", new byte[0], DocumentStatus.EMPTY);
    text("whitespace_only.txt", "   \n\t  \n\n   ", StandardCharsets.UTF_8, DocumentStatus.EMPTY);
    text("digits_and_punctuation.txt", "1234 5678 !!! ??? 3,14 -- 2025/01/20", StandardCharsets.UTF_8,
        DocumentStatus.OK);
    byte[] random = new byte[64 * 1024];
    new Random(4711).nextBytes(random);
    bytes("random_binary.bin", random, DocumentStatus.UNSUPPORTED);
    byte[] pdf = pdf(GERMAN, null);
    bytes("truncated.pdf", java.util.Arrays.copyOf(pdf, pdf.length / 3), DocumentStatus.CORRUPT);
    bytes("user_password.pdf", pdf(GERMAN, "geheim"), DocumentStatus.ENCRYPTED);
    bytes("valid.pdf", pdf, DocumentStatus.OK);
    text("plain_text_named.pdf", GERMAN, StandardCharsets.UTF_8, DocumentStatus.OK); // detected by content
    zipBomb("zip_bomb_2gb.zip");
    traversalZip("zip_slip_entries.zip");
    text("xxe_local_file.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \""
        + secret.toUri() + "\">]>\n<r>Ein Text &x; mit Entität.</r>", StandardCharsets.UTF_8, DocumentStatus.OK);
    text("billion_laughs.xml", billionLaughs(), StandardCharsets.UTF_8, DocumentStatus.CORRUPT);
    singleToken("single_token_50mb.txt", 50 << 20);
    text("deeply_nested.html", "<html><body>" + "<div>".repeat(100_000) + "Tief verschachtelt"
        + "</div>".repeat(100_000) + "</body></html>", StandardCharsets.UTF_8, DocumentStatus.OK);
    text("arabic_windows1256.txt", ARABIC + "\n" + ARABIC, Charset.forName("windows-1256"), DocumentStatus.OK);
    // windows-1256 has no Farsi yeh: Persian files in it are written with the Arabic yeh.
    text("persian_windows1256.txt", (PERSIAN + "\n" + PERSIAN).replace('ی', 'ي'),
        Charset.forName("windows-1256"), DocumentStatus.OK);
    text("german_iso8859-1.txt", GERMAN, StandardCharsets.ISO_8859_1, DocumentStatus.OK);
    text("german_windows1252.txt", "„" + GERMAN + "“ Der Preis: 50 €.", Charset.forName("windows-1252"),
        DocumentStatus.OK);
    text("german_utf16_bom.txt", "\uFEFF" + GERMAN, StandardCharsets.UTF_16BE, DocumentStatus.OK);
    gzip("german_article.txt.gz", GERMAN);
    text("name with spaces.txt", GERMAN, StandardCharsets.UTF_8, DocumentStatus.OK);
    text("مقاله فارسی.txt", PERSIAN, StandardCharsets.UTF_8, DocumentStatus.OK);
    text("line\nbreak.txt", GERMAN, StandardCharsets.UTF_8, DocumentStatus.OK);
    largeLegitimate("large_legitimate_12mb.txt", 12 << 20);
    mock("parser_hangs.xml", "<hang millis=\"600000\" heavy=\"false\" interruptible=\"false\"/>",
        DocumentStatus.TIMEOUT);
    mock("parser_throws.xml", "<throw class=\"java.lang.RuntimeException\">kaputt</throw>", DocumentStatus.CORRUPT);
    mock("parser_runs_out_of_memory.xml", "<oom/>", DocumentStatus.OOM);
    mock("parser_calls_system_exit.xml", "<system_exit/>", DocumentStatus.CRASHED);
    links();
  }

  private void bytes(String name, byte[] content, String status) throws IOException {
    Files.write(input.resolve(name), content);
    expected.put(name, status);
  }

  private void text(String name, String content, Charset charset, String status) throws IOException {
    bytes(name, content.getBytes(charset), status);
  }

  private static byte[] pdf(String text, String userPassword) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(50, 700);
        content.showText(text.substring(0, 80).replace("ö", "o").replace("ä", "a").replace("ß", "ss"));
        content.endText();
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** One entry that inflates to over 2 GiB of text from about 2 MiB. */
  private void zipBomb(String name) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(input.resolve(name)))) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("bomb.txt"));
      byte[] block = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 2100; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    expected.put(name, DocumentStatus.LIMIT_REACHED);
  }

  private void traversalZip(String name) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(input.resolve(name)))) {
      zip.putNextEntry(new ZipEntry("../../../escaped.txt"));
      zip.write(GERMAN.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("/etc/absolute.txt"));
      zip.write(GERMAN.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    expected.put(name, DocumentStatus.OK);
  }

  private static String billionLaughs() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    return xml.append("]>\n<lolz>&lol9;</lolz>").toString();
  }

  private void singleToken(String name, int bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(input.resolve(name))) {
      byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int written = 0; written < bytes; written += block.length) {
        out.write(block);
      }
    }
    expected.put(name, DocumentStatus.OK);
  }

  private void gzip(String name, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(input.resolve(name)))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    expected.put(name, DocumentStatus.OK);
  }

  /** Real prose, distinct paragraphs: numbered variations of a German article. */
  private void largeLegitimate(String name, int bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(input.resolve(name))) {
      int written = 0;
      for (int paragraph = 1; written < bytes; paragraph++) {
        byte[] line = ("Absatz " + paragraph + ": " + GERMAN + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line);
        written += line.length;
      }
    }
    expected.put(name, DocumentStatus.OK);
  }

  private void mock(String name, String action, String status) throws IOException {
    text(name, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mock>\n  <write element=\"p\">vorher</write>\n  "
        + action + "\n</mock>\n", StandardCharsets.UTF_8, status);
  }

  private void links() throws IOException {
    Path folder = Files.createDirectories(input.resolve("links"));
    Files.createSymbolicLink(folder.resolve("cycle"), folder.toAbsolutePath());
    expected.put("links/cycle", DocumentStatus.UNREADABLE);
    Files.createSymbolicLink(folder.resolve("dangling.txt"), input.resolve("no-such-file.txt"));
    expected.put("links/dangling.txt", DocumentStatus.MISSING);
  }
}
