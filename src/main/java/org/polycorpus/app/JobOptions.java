package org.polycorpus.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's command line. Parsed on the driver and turned into stage params there; it never
 * travels to executors.
 */
@Command(sortOptions = false, abbreviateSynopsis = true, usageHelpAutoWidth = true,
    description = "Extracts text from every file under --input, detects each document's language, analyses "
        + "each language with its own rules, computes TF-IDF, topic clusters and LDA topics per language, "
        + "and writes Parquet tables under --output.")
public final class JobOptions {
  @Option(names = "--input", defaultValue = "seeds/", paramLabel = "<path>", description = "Folder (or file) to read, recursively: "
      + "a local path, file://, hdfs:// or s3a:// URI. Default: ${DEFAULT-VALUE}")
  String input;

  @Option(names = "--output", defaultValue = "output/", paramLabel = "<path>", description = "Folder for the tables. Replaced at the end "
      + "of a successful run if it was written by polycorpus; any other existing folder is refused. "
      + "Default: ${DEFAULT-VALUE}")
  String output;

  @Option(names = "--force", description = "Replace --output even if it exists and was not written by "
      + "polycorpus. Its contents are deleted at the end of a successful run.")
  boolean force;

  @Option(names = "--master", description = "Spark master when not started by spark-submit. "
      + "Default: the master spark-submit passes, else local[*]")
  String master;

  @Option(names = "--log-level", defaultValue = "WARN", description = "Log level of Spark and the libraries: "
      + "ERROR, WARN, INFO or DEBUG. Default: ${DEFAULT-VALUE}")
  String logLevel;

  @Option(names = "--max-bytes", defaultValue = "104857600", description = "Files larger than this many bytes "
      + "are not read (status too_large). Default: ${DEFAULT-VALUE} (100 MiB)")
  long maxBytes;

  @Option(names = "--max-chars", defaultValue = "5000000", description = "Text kept per file, in characters; "
      + "longer text is cut and the document marked truncated. Default: ${DEFAULT-VALUE}")
  int maxChars;

  @Option(names = "--parse-timeout", defaultValue = "60", description = "Seconds one file may take to parse "
      + "(status timeout). Default: ${DEFAULT-VALUE}")
  int parseTimeoutSeconds;

  @Option(names = "--parse-heap", defaultValue = "512", description = "Heap of each parse process, in MiB. A "
      + "file whose parse needs more gets status oom. Default: ${DEFAULT-VALUE}")
  int parseHeapMb;

  @Option(names = "--max-embedded", defaultValue = "1000", description = "Embedded files (attachments, archive "
      + "entries) followed per file; the rest are skipped. Default: ${DEFAULT-VALUE}")
  int maxEmbedded;

  @Option(names = "--max-embedded-depth", defaultValue = "5", description = "Levels of archives within archives "
      + "followed. Default: ${DEFAULT-VALUE}")
  int maxEmbeddedDepth;

  @Option(names = "--max-compression-ratio", defaultValue = "100", description = "A file whose text expands more "
      + "than this many times its compressed size is a zip bomb (status limit_reached). Default: ${DEFAULT-VALUE}")
  long maxCompressionRatio;

  @Option(names = "--boilerplate-min-docs", defaultValue = "2", description = "A line found in at least this many "
      + "documents is boilerplate. Default: ${DEFAULT-VALUE}")
  int boilerplateMinDocs;

  @Option(names = "--boilerplate-max-line-chars", defaultValue = "120", description = "Only lines up to this long "
      + "are learned as repeated boilerplate, so quotes shared by articles survive. Default: ${DEFAULT-VALUE}")
  int boilerplateMaxLineChars;

  @Option(names = "--min-language-confidence", defaultValue = "0.5", description = "Below this detector "
      + "probability a document's language is und. Default: ${DEFAULT-VALUE}")
  double minLanguageConfidence;

  @Option(names = "--language-detect-chars", defaultValue = "10000", description = "Characters of each document "
      + "the language detector reads. Default: ${DEFAULT-VALUE}")
  int languageDetectChars;

  @Option(names = "--min-term-length", defaultValue = "2", description = "Shorter terms are dropped. "
      + "Default: ${DEFAULT-VALUE}")
  int minTermLength;

  @Option(names = "--top-terms", defaultValue = "20", description = "Terms per document in document_terms. "
      + "Default: ${DEFAULT-VALUE}")
  int topTerms;

  @Option(names = "--sublinear-tf", description = "Weight term frequency as 1 + ln(tf) instead of tf.")
  boolean sublinearTf;

  @Option(names = "--vocab-size", defaultValue = "262144", description = "Terms kept per language, by document "
      + "frequency. Default: ${DEFAULT-VALUE}")
  int vocabSize;

  @Option(names = "--min-df", defaultValue = "1", description = "Terms in fewer documents of their language are "
      + "dropped. Default: ${DEFAULT-VALUE}")
  int minDocFreq;

  @Option(names = "--k", defaultValue = "0", description = "Clusters per language; 0 chooses k from "
      + "[--k-min, --k-max] by cosine silhouette. Default: ${DEFAULT-VALUE}")
  int k;

  @Option(names = "--k-min", defaultValue = "2", description = "Smallest k tried. Default: ${DEFAULT-VALUE}")
  int kMin;

  @Option(names = "--k-max", defaultValue = "8", description = "Largest k tried (at most documents - 1). "
      + "Default: ${DEFAULT-VALUE}")
  int kMax;

  @Option(names = "--cluster-algorithm", defaultValue = "kmeans", description = "kmeans or bisecting. "
      + "Default: ${DEFAULT-VALUE}")
  String clusterAlgorithm;

  @Option(names = "--label-terms", defaultValue = "10", description = "Terms labelling each cluster. "
      + "Default: ${DEFAULT-VALUE}")
  int labelTerms;

  @Option(names = "--topics", defaultValue = "5", description = "LDA topics per language (at least 2, at most the "
      + "language's documents). Default: ${DEFAULT-VALUE}")
  int topics;

  @Option(names = "--lda-iterations", defaultValue = "30", description = "LDA iterations. Default: ${DEFAULT-VALUE}")
  int ldaIterations;

  @Option(names = "--topic-terms", defaultValue = "10", description = "Terms listed per LDA topic. "
      + "Default: ${DEFAULT-VALUE}")
  int topicTerms;

  @Option(names = "--language-threads", defaultValue = "4", description = "Languages fitted at the same time; "
      + "their Spark jobs share the executors. Default: ${DEFAULT-VALUE}")
  int languageThreads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for k-means and LDA. Default: ${DEFAULT-VALUE}")
  long seed;

  /**
   * Checks the values picocli cannot: ranges, choices, and flags that contradict each other
   * ({@code explicitlySet} says which flags the user gave). Throws with the flag and the value.
   */
  void validate(java.util.function.Predicate<String> explicitlySet) {
    require(k == 0 || !(explicitlySet.test("--k-min") || explicitlySet.test("--k-max")),
        "--k " + k + " fixes the number of clusters; --k-min and --k-max would be ignored: give one or the other");
    require(maxBytes > 0, "--max-bytes must be positive, got " + maxBytes);
    require(maxChars > 0, "--max-chars must be positive, got " + maxChars);
    require(parseTimeoutSeconds > 0, "--parse-timeout must be positive, got " + parseTimeoutSeconds);
    require(parseHeapMb >= 64, "--parse-heap must be at least 64 (MiB), got " + parseHeapMb);
    require(maxEmbedded >= 0, "--max-embedded must not be negative, got " + maxEmbedded);
    require(maxEmbeddedDepth >= 0, "--max-embedded-depth must not be negative, got " + maxEmbeddedDepth);
    require(maxCompressionRatio > 0, "--max-compression-ratio must be positive, got " + maxCompressionRatio);
    require(boilerplateMinDocs >= 2, "--boilerplate-min-docs must be at least 2, got " + boilerplateMinDocs);
    require(boilerplateMaxLineChars > 0, "--boilerplate-max-line-chars must be positive, got "
        + boilerplateMaxLineChars);
    require(minLanguageConfidence >= 0 && minLanguageConfidence <= 1,
        "--min-language-confidence must be between 0 and 1, got " + minLanguageConfidence);
    require(languageDetectChars > 0, "--language-detect-chars must be positive, got " + languageDetectChars);
    require(minTermLength > 0, "--min-term-length must be positive, got " + minTermLength);
    require(topTerms > 0, "--top-terms must be positive, got " + topTerms);
    require(vocabSize > 0, "--vocab-size must be positive, got " + vocabSize);
    require(minDocFreq > 0, "--min-df must be positive, got " + minDocFreq);
    require(k == 0 || k >= 2, "--k must be 0 (choose by silhouette) or at least 2, got " + k);
    require(kMin >= 2 && kMin <= kMax, "--k-min and --k-max must satisfy 2 <= k-min <= k-max, got "
        + kMin + " and " + kMax);
    require(clusterAlgorithm.equals("kmeans") || clusterAlgorithm.equals("bisecting"),
        "--cluster-algorithm must be kmeans or bisecting, got " + clusterAlgorithm);
    require(labelTerms > 0, "--label-terms must be positive, got " + labelTerms);
    require(topics >= 2, "--topics must be at least 2, got " + topics);
    require(ldaIterations > 0, "--lda-iterations must be positive, got " + ldaIterations);
    require(topicTerms > 0, "--topic-terms must be positive, got " + topicTerms);
    require(languageThreads > 0, "--language-threads must be positive, got " + languageThreads);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Every setting, by flag name, for the runs table and manifest. */
  Map<String, String> asParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("force", Boolean.toString(force));
    p.put("max-bytes", Long.toString(maxBytes));
    p.put("max-chars", Integer.toString(maxChars));
    p.put("parse-timeout", Integer.toString(parseTimeoutSeconds));
    p.put("parse-heap", Integer.toString(parseHeapMb));
    p.put("max-embedded", Integer.toString(maxEmbedded));
    p.put("max-embedded-depth", Integer.toString(maxEmbeddedDepth));
    p.put("max-compression-ratio", Long.toString(maxCompressionRatio));
    p.put("boilerplate-min-docs", Integer.toString(boilerplateMinDocs));
    p.put("boilerplate-max-line-chars", Integer.toString(boilerplateMaxLineChars));
    p.put("min-language-confidence", Double.toString(minLanguageConfidence));
    p.put("language-detect-chars", Integer.toString(languageDetectChars));
    p.put("min-term-length", Integer.toString(minTermLength));
    p.put("top-terms", Integer.toString(topTerms));
    p.put("sublinear-tf", Boolean.toString(sublinearTf));
    p.put("vocab-size", Integer.toString(vocabSize));
    p.put("min-df", Integer.toString(minDocFreq));
    p.put("k", Integer.toString(k));
    p.put("k-min", Integer.toString(kMin));
    p.put("k-max", Integer.toString(kMax));
    p.put("cluster-algorithm", clusterAlgorithm);
    p.put("label-terms", Integer.toString(labelTerms));
    p.put("topics", Integer.toString(topics));
    p.put("lda-iterations", Integer.toString(ldaIterations));
    p.put("topic-terms", Integer.toString(topicTerms));
    p.put("language-threads", Integer.toString(languageThreads));
    p.put("seed", Long.toString(seed));
    return p;
  }
}
