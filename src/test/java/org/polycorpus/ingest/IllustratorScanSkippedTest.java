package org.polycorpus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

class IllustratorScanSkippedTest {
  private static final Detector TIKAS = TikaConfig.getDefaultConfig().getDetector();
  private static final Detector SKIPPING = IllustratorScanSkipped.within(TIKAS);

  @Test
  void replacesTheMagicOfThisTikaVersion() {
    assertThat(SKIPPING).isNotSameAs(TIKAS);
  }

  /** Tika's definitions lose the Illustrator magic's element, and nothing else. */
  @Test
  void cutsOnlyTheIllustratorMagicFromTikasDefinitions() throws IOException {
    String tikas = tikaDefinitions();
    String cut = IllustratorScanSkipped.removeScan(tikas);
    assertThat(cut).isNotNull().doesNotContain("%AI5_FileFormat");
    int at = 0;
    while (at < cut.length() && cut.charAt(at) == tikas.charAt(at)) {
      at++;
    }
    String removed = tikas.substring(at, at + tikas.length() - cut.length());
    assertThat(tikas.substring(0, at) + removed + cut.substring(at)).isEqualTo(tikas);
    assertThat(removed).startsWith("<magic").endsWith("</magic>").contains("%AI5_FileFormat");
  }

  /** Any other form of the Illustrator type leaves Tika's magic in charge. */
  @Test
  void keepsTikasMagicWhenTheIllustratorTypeDiffers() throws IOException {
    String tikas = tikaDefinitions();
    String regex = "[\\r\\n]%AI5_FileFormat [1-4][\\r\\n]";
    assertThat(tikas).contains(regex);
    assertThat(IllustratorScanSkipped.removeScan(tikas.replace(regex, "[\\r\\n]%AI5_FileFormat [1-5][\\r\\n]")))
        .isNull();
    assertThat(IllustratorScanSkipped.removeScan(tikas.replace("<match value=\"" + regex,
        "<match value=\"%AI\" type=\"string\" offset=\"0\"/>\n<match value=\"" + regex))).isNull();
    assertThat(IllustratorScanSkipped.removeScan(tikas.replace(IllustratorScanSkipped.TYPE + "\"", "other/type\"")))
        .isNull();
  }

  private static String tikaDefinitions() throws IOException {
    try (var xml = org.apache.tika.mime.MimeTypes.class.getResourceAsStream("tika-mimetypes.xml")) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Illustrator headers where the expression looks for them, at its last offsets and past them. */
  @Test
  void typesIllustratorFilesAsTikaDoes() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("art.ai", "%!PS-Adobe-3.0\n%%Creator: Adobe Illustrator(R) 8.0\n%AI5_FileFormat 3\n%%EndComments\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    files.put("late.eps", header("%!PS-Adobe-3.0\n", 8_170, "\n%AI5_FileFormat 4\r\n"));
    files.put("too-late.eps", header("%!PS-Adobe-3.0\n", 8_200, "\n%AI5_FileFormat 4\r\n"));
    files.put("notes.txt", "notes\n%AI5_FileFormat 2\nmore\n".getBytes(StandardCharsets.ISO_8859_1));
    files.put("almost.txt", "notes\n%AI5_FileFormat 5\nmore\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTypedAsTikaDoes(files);
    assertThat(type(SKIPPING, "art.ai", files.get("art.ai"))).isEqualTo(IllustratorScanSkipped.TYPE);
    assertThat(type(SKIPPING, "notes.txt", files.get("notes.txt"))).isEqualTo(IllustratorScanSkipped.TYPE);
    assertThat(type(SKIPPING, "late.eps", files.get("late.eps"))).isEqualTo(IllustratorScanSkipped.TYPE);
  }

  /** Web pages, XML, text in several encodings, PostScript, PDF, archives, images, random bytes, the seeds. */
  @Test
  void typesEveryOtherFileAsTikaDoes() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("empty.txt", new byte[0]);
    files.put("page.html", "<!DOCTYPE html><html><head><title>T</title></head><body><p>Text</p></body></html>"
        .getBytes(StandardCharsets.UTF_8));
    files.put("page.xhtml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<head><title>T</title></head><body>" + "<p>Absatz über Größe.</p>".repeat(2_000) + "</body></html>")
        .getBytes(StandardCharsets.UTF_8));
    files.put("data.xml", "<?xml version=\"1.0\"?><root><a>1</a></root>".getBytes(StandardCharsets.UTF_8));
    files.put("data.json", "{\"a\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8));
    files.put("arabic.txt", AdversarialCorpus.ARABIC.getBytes(java.nio.charset.Charset.forName("windows-1256")));
    files.put("german.txt", ("\uFEFF" + AdversarialCorpus.GERMAN).getBytes(StandardCharsets.UTF_16BE));
    files.put("persian", AdversarialCorpus.PERSIAN.getBytes(StandardCharsets.UTF_8));
    files.put("figure.eps", "%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    files.put("doc.pdf", "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
    files.put("mail.eml", "From: a@b.c\nDate: Mon, 1 Dec 2026 10:00:00 +0000\nSubject: S\n\nBody\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    files.put("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
    files.put("text.gz", gzip(AdversarialCorpus.GERMAN));
    files.put("archive.zip", zip("inside.txt", AdversarialCorpus.GERMAN));
    Random random = new Random(5);
    for (int n = 0; n < 200; n++) {
      byte[] bytes = new byte[random.nextInt(20_000)];
      random.nextBytes(bytes);
      files.put("random-" + n + (n % 2 == 0 ? ".bin" : ".txt"), bytes);
    }
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path seed : seeds.sorted().toList()) {
        files.put(seed.getFileName().toString(), Files.readAllBytes(seed));
      }
    }
    assertThat(files).hasSizeGreaterThan(215);
    assertTypedAsTikaDoes(files);
  }

  private static void assertTypedAsTikaDoes(Map<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      assertThat(type(SKIPPING, file.getKey(), file.getValue())).as(file.getKey())
          .isEqualTo(type(TIKAS, file.getKey(), file.getValue()));
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] zip(String entry, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(entry));
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] header(String start, int filler, String line) {
    return (start + "%".repeat(filler) + line + "rest\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String type(Detector detector, String name, byte[] bytes) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (TikaInputStream input = TikaInputStream.get(bytes)) {
      return detector.detect(input, metadata).toString();
    }
  }
}
