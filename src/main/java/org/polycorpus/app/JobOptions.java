package org.polycorpus.app;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @Mixin
  IngestOptions ingest = new IngestOptions();

  @Option(names = "--report", description = "Also write report.html, a self-contained page of charts and "
      + "tables, into --output.")
  boolean report;

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

  @Option(names = "--min-segment-chars", defaultValue = "80", description = "Lines at least this long get their "
      + "own language (a quoted paragraph in another language); shorter ones keep the document's. "
      + "Default: ${DEFAULT-VALUE}")
  int minSegmentChars;

  @Option(names = "--segment-min-confidence", defaultValue = "0.9", description = "A line leaves its document's "
      + "language only at this detector probability. Default: ${DEFAULT-VALUE}")
  double segmentMinConfidence;

  @Option(names = "--duplicate-similarity", defaultValue = "0.7", description = "Documents of one language whose "
      + "word shingles have at least this Jaccard similarity are near-duplicates: only the smallest doc_id of a "
      + "group is modelled. Above 1 turns the search off. Default: ${DEFAULT-VALUE}")
  double duplicateSimilarity;

  @Option(names = "--shingle-words", defaultValue = "3", description = "Terms per shingle for near-duplicates. "
      + "Default: ${DEFAULT-VALUE}")
  int shingleWords;

  @Option(names = "--story-min-score", defaultValue = "0.7", description = "Documents of different languages "
      + "whose number-and-name evidence has at least this cosine (and 3 shared keys) tell the same story. "
      + "Default: ${DEFAULT-VALUE}")
  double storyMinScore;

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
    ingest.validate();
    IngestOptions.require(k == 0 || !(explicitlySet.test("--k-min") || explicitlySet.test("--k-max")),
        "--k " + k + " fixes the number of clusters; --k-min and --k-max would be ignored: give one or the other");
    IngestOptions.require(boilerplateMinDocs >= 2, "--boilerplate-min-docs must be at least 2, got " + boilerplateMinDocs);
    IngestOptions.require(boilerplateMaxLineChars > 0, "--boilerplate-max-line-chars must be positive, got "
        + boilerplateMaxLineChars);
    IngestOptions.require(minLanguageConfidence >= 0 && minLanguageConfidence <= 1,
        "--min-language-confidence must be between 0 and 1, got " + minLanguageConfidence);
    IngestOptions.require(languageDetectChars > 0, "--language-detect-chars must be positive, got " + languageDetectChars);
    IngestOptions.require(duplicateSimilarity > 0, "--duplicate-similarity must be positive, got " + duplicateSimilarity);
    IngestOptions.require(storyMinScore > 0 && storyMinScore <= 1,
        "--story-min-score must be in (0, 1], got " + storyMinScore);
    IngestOptions.require(shingleWords > 0, "--shingle-words must be positive, got " + shingleWords);
    IngestOptions.require(minSegmentChars > 0, "--min-segment-chars must be positive, got " + minSegmentChars);
    IngestOptions.require(segmentMinConfidence >= 0 && segmentMinConfidence <= 1,
        "--segment-min-confidence must be between 0 and 1, got " + segmentMinConfidence);
    IngestOptions.require(minTermLength > 0, "--min-term-length must be positive, got " + minTermLength);
    IngestOptions.require(topTerms > 0, "--top-terms must be positive, got " + topTerms);
    IngestOptions.require(vocabSize > 0, "--vocab-size must be positive, got " + vocabSize);
    IngestOptions.require(minDocFreq > 0, "--min-df must be positive, got " + minDocFreq);
    IngestOptions.require(k == 0 || k >= 2, "--k must be 0 (choose by silhouette) or at least 2, got " + k);
    IngestOptions.require(kMin >= 2 && kMin <= kMax, "--k-min and --k-max must satisfy 2 <= k-min <= k-max, got "
        + kMin + " and " + kMax);
    IngestOptions.require(clusterAlgorithm.equals("kmeans") || clusterAlgorithm.equals("bisecting"),
        "--cluster-algorithm must be kmeans or bisecting, got " + clusterAlgorithm);
    IngestOptions.require(labelTerms > 0, "--label-terms must be positive, got " + labelTerms);
    IngestOptions.require(topics >= 2, "--topics must be at least 2, got " + topics);
    IngestOptions.require(ldaIterations > 0, "--lda-iterations must be positive, got " + ldaIterations);
    IngestOptions.require(topicTerms > 0, "--topic-terms must be positive, got " + topicTerms);
    IngestOptions.require(languageThreads > 0, "--language-threads must be positive, got " + languageThreads);
  }

  /** Every setting, by flag name, for the runs table and manifest. */
  Map<String, String> asParameters() {
    Map<String, String> p = ingest.asParameters();
    p.put("report", Boolean.toString(report));
    p.put("boilerplate-min-docs", Integer.toString(boilerplateMinDocs));
    p.put("boilerplate-max-line-chars", Integer.toString(boilerplateMaxLineChars));
    p.put("min-language-confidence", Double.toString(minLanguageConfidence));
    p.put("language-detect-chars", Integer.toString(languageDetectChars));
    p.put("min-segment-chars", Integer.toString(minSegmentChars));
    p.put("duplicate-similarity", Double.toString(duplicateSimilarity));
    p.put("shingle-words", Integer.toString(shingleWords));
    p.put("story-min-score", Double.toString(storyMinScore));
    p.put("segment-min-confidence", Double.toString(segmentMinConfidence));
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
