package org.polycorpus.ingest;

import static org.polycorpus.Columns.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;
import org.polycorpus.language.LanguageGuess;

/**
 * Reads an input tree into one row per file: identity, Tika metadata, status and cleaned text.
 * Listing happens on the driver (file names and sizes only); reading and parsing happen in
 * tasks, with one {@link TikaTextExtractor} per partition.
 */
public final class DocumentReader {
  /** Files per task: small enough to balance slow files, large enough to amortise parser set-up. */
  private static final int FILES_PER_PARTITION = 16;

  public static final StructType LISTING_SCHEMA = new StructType()
      .add(DOC_ID, DataTypes.StringType, false)
      .add(PATH, DataTypes.StringType, false)
      .add(RELATIVE_PATH, DataTypes.StringType, false)
      .add(BYTE_SIZE, DataTypes.LongType, false)
      .add(ERROR, DataTypes.StringType, true);

  public static final StructType EXTRACTED_SCHEMA = new StructType()
      .add(DOC_ID, DataTypes.StringType, false)
      .add(PATH, DataTypes.StringType, false)
      .add(RELATIVE_PATH, DataTypes.StringType, false)
      .add(BYTE_SIZE, DataTypes.LongType, false)
      .add(STATUS, DataTypes.StringType, false)
      .add(ERROR, DataTypes.StringType, true)
      .add(CONTENT_TYPE, DataTypes.StringType, true)
      .add(TITLE, DataTypes.StringType, true)
      .add(CHARSET, DataTypes.StringType, true)
      .add(SHA256, DataTypes.StringType, true)
      .add(TRUNCATED, DataTypes.BooleanType, false)
      .add(PARSE_MILLIS, DataTypes.LongType, false)
      .add(TEXT, DataTypes.StringType, false);

  private DocumentReader() {}

  /**
   * Fault injection for recovery tests, a Spark conf key: "first-attempt" fails every ingest
   * task's first attempt after it has parsed its files, "always" fails every attempt.
   */
  public static final String FAULTS_CONF = "spark.polycorpus.faults.ingest";

  public static Dataset<Row> read(SparkSession spark, String input, ExtractionLimits limits) throws IOException {
    List<InputFile> files = InputLister.list(input, spark.sparkContext().hadoopConfiguration());
    List<Row> rows = new ArrayList<>(files.size());
    for (InputFile file : files) {
      rows.add(RowFactory.create(docId(file.relativePath()), file.path(), file.relativePath(),
          file.byteSize(), file.listingError()));
    }
    // Two tasks per core balance slow files; the second wave parses with the processes the
    // first handed back (ParseProcessPool), so it does not pay their start-up again.
    int partitions = Math.max(1, Math.min(
        (files.size() + FILES_PER_PARTITION - 1) / FILES_PER_PARTITION,
        spark.sparkContext().defaultParallelism() * 2));
    SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    return spark.createDataFrame(rows, LISTING_SCHEMA)
        .repartition(partitions, org.apache.spark.sql.functions.col(DOC_ID))
        .mapPartitions(new ExtractPartition(conf, limits, spark.conf().get(FAULTS_CONF, "none")),
            Encoders.row(EXTRACTED_SCHEMA));
  }

  /** A stable id: the first 16 hex digits of SHA-256 over the path relative to the input root. */
  public static String docId(String relativePath) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(relativePath.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class ExtractPartition implements MapPartitionsFunction<Row, Row> {
    private final SerializableHadoopConf conf;
    private final ExtractionLimits limits;
    private final String faults;

    ExtractPartition(SerializableHadoopConf conf, ExtractionLimits limits, String faults) {
      this.conf = conf;
      this.limits = limits;
      this.faults = faults;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> listing) {
      // The next stage detects languages; its profiles load while the parse processes work.
      LanguageGuess.loadProfilesInBackground();
      TikaTextExtractor extractor = new TikaTextExtractor(limits);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) context -> extractor.close());
      }
      // Lazy: one file's text in memory at a time, however many files the partition holds.
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          boolean more = listing.hasNext();
          if (!more && task != null && ("always".equals(faults)
              || ("first-attempt".equals(faults) && task.attemptNumber() == 0))) {
            throw new IllegalStateException("fault injected by " + FAULTS_CONF + "=" + faults);
          }
          return more;
        }

        @Override
        public Row next() {
          return extract(extractor, listing.next());
        }
      };
    }

    private Row extract(TikaTextExtractor extractor, Row file) {
      String path = file.getString(1);
      long started = System.nanoTime();
      Extraction result;
      if (!file.isNullAt(4)) {
        String error = file.getString(4);
        result = Extraction.failed(
            error.startsWith("missing") ? DocumentStatus.MISSING : DocumentStatus.UNREADABLE, error);
      } else {
        try {
          result = extractor.extract(FileSystem.get(new Path(path).toUri(), conf.get()), path, file.getLong(3));
        } catch (IOException e) {
          result = Extraction.failed(DocumentStatus.UNREADABLE, FailureReasons.reasonOf(e, new Path(path).getName()));
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      return RowFactory.create(file.getString(0), path, file.getString(2), file.getLong(3),
          result.status(), result.error(), result.contentType(), result.title(), result.charset(),
          result.sha256(), result.truncated(), millis, result.text());
    }
  }
}
