package org.polycorpus.ingest;

import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.HttpHeaders;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Tika's AutoDetectParser with polycorpus's limits: characters kept, embedded files followed,
 * package depth and compression ratio (Tika's zip-bomb guard). Runs inside the parse process
 * ({@link ParseServer}); one instance parses many files, one at a time.
 */
final class TikaDocumentParser {
  private static final String EMPTY_PARSER = "org.apache.tika.parser.EmptyParser";

  private final AutoDetectParser parser = new ParserTableOnce();
  private final CharsetChooser charsets = new CharsetChooser();
  private final ExtractionLimits limits;

  TikaDocumentParser(ExtractionLimits limits) {
    this.limits = limits;
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setMaximumCompressionRatio(limits.maxCompressionRatio());
    config.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth());
    parser.setAutoDetectParserConfig(config);
    parser.setDetector(IllustratorScanSkipped.within(parser.getDetector()));
  }

  /**
   * The text and metadata of one file's bytes; the status says what went wrong, if anything.
   * {@code fileBytes} is the file's size, for the compression-ratio check.
   */
  Extraction parse(InputStream bytes, String fileName, long fileBytes) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    BodyContentHandler handler = new BodyContentHandler(limits.maxChars());
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser); // embedded files are parsed by the same auto-detecting parser
    context.set(EncodingDetector.class, charsets);
    context.set(EmbeddedDocumentExtractor.class, new CountingEmbeddedExtractor(context, limits.maxEmbedded()));
    boolean truncated = false;
    try (TikaInputStream stream = TikaInputStream.get(bytes)) {
      parser.parse(stream, handler, metadata, context);
    } catch (Throwable failure) {
      if (WriteLimitReachedException.isWriteLimitReached(failure)) {
        truncated = true;
      } else {
        return Extraction.failed(FailureReasons.statusOf(failure), FailureReasons.reasonOf(failure, fileName));
      }
    }
    String raw = handler.toString();
    if (truncated && raw.length() > limits.maxCompressionRatio() * Math.max(1, fileBytes)) {
      // Tika's own ratio guard counts bytes read, and archives are read whole before they
      // expand; the ratio of text kept to file size catches what slips past it.
      return Extraction.failed(DocumentStatus.LIMIT_REACHED, "text expands over " + limits.maxCompressionRatio()
          + " times the file size (--max-compression-ratio): a zip bomb");
    }
    String text = TextCleaner.clean(raw);
    String contentType = baseType(metadata.get(HttpHeaders.CONTENT_TYPE));
    String status = DocumentStatus.OK;
    String error = null;
    if (text.isEmpty()) {
      boolean noParser = String.join(",", metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY)).contains(EMPTY_PARSER);
      status = noParser ? DocumentStatus.UNSUPPORTED : DocumentStatus.EMPTY;
      error = noParser ? "no parser extracts text from " + contentType : "no text extracted";
    }
    return new Extraction(status, error, contentType, emptyToNull(metadata.get(TikaCoreProperties.TITLE)),
        emptyToNull(metadata.get(HttpHeaders.CONTENT_ENCODING)), null, truncated, text);
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Tika's auto-detecting parser, its table of parsers by type built once, and pointing at the
   * parsers themselves. Tika builds the table on every parse, asking all its parsers their types,
   * and it maps every type to Tika's {@link DefaultParser}, which builds its own table again to
   * pick the parser: a tenth of parsing a web page. The table depends only on the parsers and on
   * what the context holds, and every parse here (embedded files too) gets a context of the same
   * kinds of things. The parser picked for a type is the one DefaultParser picks, and its errors
   * are wrapped with the same messages.
   */
  private static final class ParserTableOnce extends AutoDetectParser {
    private static final long serialVersionUID = 1L;
    private transient Map<MediaType, Parser> parsers;

    @Override
    public Map<MediaType, Parser> getParsers(ParseContext context) {
      if (parsers == null) {
        Map<MediaType, Parser> table = new HashMap<>();
        Map<Parser, Map<MediaType, Parser>> inner = new HashMap<>();
        super.getParsers(context).forEach((type, parser) -> {
          Parser picked = parser instanceof DefaultParser composite
              ? inner.computeIfAbsent(composite, c -> composite.getParsers(context)).get(type) : null;
          table.put(type, picked == null ? parser : picked);
        });
        parsers = Collections.unmodifiableMap(table);
      }
      return parsers;
    }
  }

  /** Follows embedded files (attachments, archive entries) up to a count, then skips the rest. */
  private static final class CountingEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {
    private final int max;
    private int seen;

    CountingEmbeddedExtractor(ParseContext context, int max) {
      super(context);
      this.max = max;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return ++seen <= max && super.shouldParseEmbedded(metadata);
    }
  }
}
