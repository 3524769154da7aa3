package org.polycorpus.features;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.SingleTask;

/**
 * Fits a vocabulary and document frequencies on one language's documents (see
 * {@link IdfFormula}). Terms are ordered by document frequency, then alphabetically, so the
 * vocabulary and every vector index are the same on every run.
 */
public final class TfIdf extends Estimator<TfIdfModel> implements TfIdfParams, DefaultParamsWritable {

  private final String uid;
  private final TfIdfParams.Declared params;

  public TfIdf() {
    this(Identifiable.randomUID("tfidf"));
  }

  public TfIdf(String uid) {
    this.uid = uid;
    this.params = TfIdfParams.declare(this);
  }

  @Override
  public TfIdfParams.Declared declared() {
    return params;
  }

  public TfIdf setVocabSize(int value) { set(params.vocabSize(), value); return this; }
  public TfIdf setMinDocFreq(int value) { set(params.minDocFreq(), value); return this; }
  public TfIdf setSublinearTf(boolean value) { set(params.sublinearTf(), value); return this; }

  @Override
  public TfIdfModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    long numDocs = dataset.count();
    Vocabulary vocabulary = numDocs <= SingleTask.MAX_ROWS ? fitInTask(dataset) : fitDistributed(dataset, numDocs);
    return model(vocabulary);
  }

  /** The model of a vocabulary fitted elsewhere (in a task that fits a whole language), with this estimator's params. */
  public TfIdfModel model(Vocabulary vocabulary) {
    TfIdfModel model = new TfIdfModel(uid, vocabulary, vocabulary.numDocs());
    copyValues(model, extractParamMap());
    return model.setParent(this);
  }

  /** One task, one job: for a small corpus the jobs of the distributed fit cost more than the counting. */
  Vocabulary fitInTask(Dataset<?> dataset) {
    String surfaces = $(params.surfacesCol());
    return InTaskVocabulary.fit(dataset, $(params.inputCol()),
        Arrays.asList(dataset.columns()).contains(surfaces) ? surfaces : null,
        (Integer) $(params.minDocFreq()), (Integer) $(params.vocabSize()));
  }

  Vocabulary fitDistributed(Dataset<?> dataset, long numDocs) {
    Dataset<Row> frequent = dataset
        .select(explode(array_distinct(col($(params.inputCol())))).as("term"))
        .groupBy("term").count()
        .filter(col("count").geq((Integer) $(params.minDocFreq())))
        .orderBy(col("count").desc(), col("term"))
        .limit((Integer) $(params.vocabSize()));
    List<Row> vocabulary = frequent.join(displayWords(dataset), "term")
        .orderBy(col("count").desc(), col("term"))
        .select("term", "word", "count")
        .collectAsList();
    String[] terms = new String[vocabulary.size()];
    String[] words = new String[vocabulary.size()];
    long[] docFreqs = new long[vocabulary.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = vocabulary.get(i).getString(0);
      words[i] = vocabulary.get(i).getString(1);
      docFreqs[i] = vocabulary.get(i).getLong(2);
    }
    return new Vocabulary(terms, words, docFreqs, numDocs);
  }

  /** term, word: the word each term is most often written as; the term itself without surfaces. */
  private Dataset<Row> displayWords(Dataset<?> dataset) {
    String terms = $(params.inputCol());
    String surfaces = $(params.surfacesCol());
    if (!Arrays.asList(dataset.columns()).contains(surfaces)) {
      return dataset.select(explode(col(terms)).as("term")).distinct().withColumn("word", col("term"));
    }
    return dataset
        .select(explode(arrays_zip(col(terms), col(surfaces))).as("pair"))
        .groupBy(col("pair." + terms).as("term"), col("pair." + surfaces).as("word")).count()
        .withColumn("pick", row_number().over(Window.partitionBy("term").orderBy(col("count").desc(), col("word"))))
        .filter(col("pick").equalTo(1))
        .select("term", "word");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return TfIdfParams.outputSchema(this, schema);
  }

  @Override
  public TfIdf copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }

  public static MLReader<TfIdf> read() {
    return new DefaultParamsReader<>();
  }

  public static TfIdf load(String path) {
    return read().load(path);
  }
}
