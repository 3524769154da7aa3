package org.polycorpus.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

/**
 * Tika's MIME magic without its costliest clause for nearly every file: old Adobe Illustrator
 * files are told by a regular expression Tika tries at each of 8 193 offsets, nearly half of
 * typing a web page. A file whose first bytes (as many as the magic reads) lack the expression's literal
 * part cannot match it, and gets its type from Tika's magic without that clause, the same in
 * every other respect. Any other file is typed by Tika's own magic.
 */
final class IllustratorScanSkipped implements Detector {
  private static final long serialVersionUID = 1L;
  static final String TYPE = "application/illustrator+ps";
  private static final String REGEX = "[\\r\\n]%AI5_FileFormat [1-4][\\r\\n]";
  private static final byte[] LITERAL = "%AI5_FileFormat ".getBytes(StandardCharsets.ISO_8859_1);

  private final MimeTypes tikas;
  private final MimeTypes withoutScan;

  private IllustratorScanSkipped(MimeTypes tikas, MimeTypes withoutScan) {
    this.tikas = tikas;
    this.withoutScan = withoutScan;
  }

  /**
   * Tika's detector with its MIME magic in this form, or Tika's detector itself when its magic is
   * not the one this was written for (another Tika version, added types).
   */
  static Detector within(Detector detector) {
    if (!(detector instanceof CompositeDetector composite)) {
      return detector;
    }
    List<Detector> detectors = new ArrayList<>(composite.getDetectors());
    for (int i = 0; i < detectors.size(); i++) {
      if (detectors.get(i) instanceof MimeTypes tikas) {
        MimeTypes withoutScan = withoutScan(tikas);
        if (withoutScan == null) {
          return detector;
        }
        detectors.set(i, new IllustratorScanSkipped(tikas, withoutScan));
        return new CompositeDetector(tikas.getMediaTypeRegistry(), detectors);
      }
    }
    return detector;
  }

  @Override
  public MediaType detect(InputStream input, Metadata metadata) throws IOException {
    if (input == null || !input.markSupported()) {
      return tikas.detect(input, metadata);
    }
    int length = tikas.getMinLength();
    input.mark(length);
    byte[] head;
    try {
      head = input.readNBytes(length);
    } finally {
      input.reset();
    }
    return (contains(head, LITERAL) ? tikas : withoutScan).detect(input, metadata);
  }

  /**
   * Tika's types read again as Tika reads them (its own, then any custom-mimetypes.xml on the
   * class path), without the scanning magic; null unless that magic is exactly as expected and
   * every type is there.
   */
  private static MimeTypes withoutScan(MimeTypes tikas) {
    ClassLoader loader = MimeTypes.class.getClassLoader();
    try (InputStream xml = MimeTypes.class.getResourceAsStream("tika-mimetypes.xml")) {
      if (xml == null || System.getProperty(MimeTypesFactory.CUSTOM_MIMES_SYS_PROP) != null) {
        return null;
      }
      String core = removeScan(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
      if (core == null) {
        return null;
      }
      List<InputStream> definitions = new ArrayList<>();
      definitions.add(new ByteArrayInputStream(core.getBytes(StandardCharsets.UTF_8)));
      for (URL custom : Collections.list(loader.getResources("custom-mimetypes.xml"))) {
        definitions.add(custom.openStream());
      }
      MimeTypes read;
      try {
        read = MimeTypesFactory.create(definitions.toArray(InputStream[]::new));
      } finally {
        for (InputStream definition : definitions) {
          definition.close();
        }
      }
      boolean sameTypes = read.getMediaTypeRegistry().getTypes().equals(tikas.getMediaTypeRegistry().getTypes());
      return sameTypes && read.getMinLength() == tikas.getMinLength() ? read : null;
    } catch (Exception e) {
      return null;  // Tika's own magic then types every file
    }
  }

  /**
   * The definitions without the Illustrator type's magic, if the type is there once and its magic
   * is that one regular expression alone; else null. Cut from the text: reading the definitions
   * into a document and writing them out again took a new parse process some 200 ms.
   */
  static String removeScan(String definitions) {
    String open = "<mime-type type=\"" + TYPE + "\">";
    int type = definitions.indexOf(open);
    if (type < 0 || definitions.indexOf(open, type + 1) >= 0) {
      return null;
    }
    int typeEnd = definitions.indexOf("</mime-type>", type);
    int magic = definitions.indexOf("<magic", type);
    int magicEnd = definitions.indexOf("</magic>", type);
    int nextMagic = magic < 0 ? -1 : definitions.indexOf("<magic", magic + 1);
    if (typeEnd < 0 || magic < 0 || magicEnd < magic || magicEnd > typeEnd
        || (nextMagic >= 0 && nextMagic < typeEnd)) {
      return null;
    }
    String clauses = definitions.substring(magic, magicEnd);
    int match = clauses.indexOf("<match ");
    int matchEnd = match < 0 ? -1 : clauses.indexOf('>', match);
    String element = matchEnd < 0 ? "" : clauses.substring(match, matchEnd + 1);
    boolean oneRegex = element.endsWith("/>") && clauses.indexOf("<match", match + 1) < 0
        && element.contains(" value=\"" + REGEX + "\"") && element.contains(" type=\"regex\"");
    if (!oneRegex) {
      return null;
    }
    return definitions.substring(0, magic) + definitions.substring(magicEnd + "</magic>".length());
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    for (int start = 0; start <= bytes.length - part.length; start++) {
      if (bytes[start] == part[0] && Arrays.equals(bytes, start, start + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }
}
