package org.polycorpus.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.polycorpus.ml.ModelData;
import org.polycorpus.ml.OneStepColumns;
import org.polycorpus.ml.PipelineFiles;
import scala.collection.immutable.Seq;

/** Turns terms into a term-count vector and a TF-IDF vector over one language's vocabulary. */
public final class TfIdfModel extends Model<TfIdfModel> implements TfIdfParams, MLWritable {
  private static final StructType DATA_SCHEMA = new StructType()
      .add("index", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("word", DataTypes.StringType, false)
      .add("doc_freq", DataTypes.LongType, false);

  private final String uid;
  private final TfIdfParams.Declared params;
  private final LongParam numDocs;
  private final Vocabulary vocabulary;
  private transient Broadcast<Vocabulary> broadcastVocabulary;

  public TfIdfModel(String uid, Vocabulary vocabulary, long documents) {
    this.uid = uid;
    this.params = TfIdfParams.declare(this);
    this.numDocs = new LongParam(this, "numDocs", "documents the vocabulary was fitted on");
    this.vocabulary = vocabulary;
    set(numDocs, documents);
  }

  @Override
  public TfIdfParams.Declared declared() {
    return params;
  }

  public LongParam numDocs() {
    return numDocs;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The vocabulary as a broadcast, made once per model, for every stage that maps indices to terms. */
  public synchronized Broadcast<Vocabulary> sharedVocabulary(SparkSession spark) {
    if (broadcastVocabulary == null) {
      broadcastVocabulary = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(vocabulary);
    }
    return broadcastVocabulary;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Broadcast<Vocabulary> shared = sharedVocabulary(dataset.sparkSession());
    boolean sublinear = (Boolean) $(params.sublinearTf());
    StructType vectors = new StructType()
        .add("counts", SQLDataTypes.VectorType(), false)
        .add("tfidf", SQLDataTypes.VectorType(), false);
    var vectorize = udf((UDF1<Seq<String>, Row>) terms -> vectorize(shared.value(), terms, sublinear), vectors);
    String tmp = "_" + uid;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put($(params.countsCol()), "counts");
    fields.put($(params.outputCol()), "tfidf");
    return OneStepColumns.spread(dataset, tmp, vectorize.apply(col($(params.inputCol()))), fields);
  }

  /** Term counts and TF-IDF weights of one document's terms, as sparse vectors over the vocabulary. */
  public static Row vectorize(Vocabulary vocabulary, Seq<String> terms, boolean sublinear) {
    Map<Integer, Integer> counts = new TreeMap<>();
    scala.collection.Iterator<String> it = terms.iterator();
    while (it.hasNext()) {
      int index = vocabulary.indexOf(it.next());
      if (index >= 0) {
        counts.merge(index, 1, Integer::sum);
      }
    }
    int[] indices = new int[counts.size()];
    double[] tf = new double[counts.size()];
    double[] weights = new double[counts.size()];
    int i = 0;
    for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
      indices[i] = entry.getKey();
      tf[i] = entry.getValue();
      weights[i] = IdfFormula.termWeight(tf[i], sublinear) * vocabulary.idf(indices[i]);
      i++;
    }
    Vector countVector = Vectors.sparse(vocabulary.size(), indices, tf);
    Vector tfidfVector = Vectors.sparse(vocabulary.size(), indices.clone(), weights);
    return RowFactory.create(countVector, tfidfVector);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return TfIdfParams.outputSchema(this, schema);
  }

  @Override
  public TfIdfModel copy(ParamMap extra) {
    return copyValues(new TfIdfModel(uid, vocabulary, (Long) $(numDocs)), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        List<Row> rows = new ArrayList<>(vocabulary.size());
        for (int i = 0; i < vocabulary.size(); i++) {
          rows.add(RowFactory.create(i, vocabulary.term(i), vocabulary.word(i), vocabulary.docFreq(i)));
        }
        try {
          PipelineFiles.saveMetadata(TfIdfModel.this, path, sparkSession());
          ModelData.write(rows, DATA_SCHEMA, path + "/data", sparkSession());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  public static MLReader<TfIdfModel> read() {
    return new MLReader<>() {
      @Override
      public TfIdfModel load(String path) {
        SparkSession spark = sparkSession();
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, spark);
        List<Row> rows = spark.read().parquet(path + "/data").orderBy("index").collectAsList();
        String[] terms = new String[rows.size()];
        String[] words = new String[rows.size()];
        long[] docFreqs = new long[rows.size()];
        for (int i = 0; i < terms.length; i++) {
          terms[i] = rows.get(i).getString(1);
          words[i] = rows.get(i).getString(2);
          docFreqs[i] = rows.get(i).getLong(3);
        }
        long documents = ((Number) metadata.getParamValue("numDocs").values()).longValue();
        TfIdfModel model =
            new TfIdfModel(metadata.uid(), new Vocabulary(terms, words, docFreqs, documents), documents);
        metadata.getAndSetParams(model, scala.Option.empty());
        return model;
      }
    };
  }

  public static TfIdfModel load(String path) {
    return read().load(path);
  }
}
