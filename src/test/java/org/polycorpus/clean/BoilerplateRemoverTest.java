package org.polycorpus.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polycorpus.SparkTestBase;

class BoilerplateRemoverTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType).add("text", DataTypes.StringType);

  private static Dataset<Row> corpus() {
    return rows(SCHEMA,
        new Object[] {"a", "Folge uns jetzt\nMarokko stärkt die Zusammenarbeit.\nTeilen Sie diesen Artikel"},
        new Object[] {"b", "Folge uns jetzt\nPakistan und Marokko vereinbaren Hilfe.\nTeilen Sie diesen Artikel"},
        new Object[] {"c", "Ein Text ohne Vorlage.\nTeilen Sie diesen Artikel"});
  }

  @Test
  void learnsLinesSharedByDocuments() {
    BoilerplateRemoverModel model = new BoilerplateRemover().fit(corpus());
    // Most frequent first: in three documents, then in two.
    assertThat(model.learnedLines()).containsExactly("teilen sie diesen artikel", "folge uns jetzt");
    List<Row> cleaned = model.transform(corpus()).orderBy("doc_id").select("body", "boilerplate_chars").collectAsList();
    assertThat(cleaned.get(0).getString(0)).isEqualTo("Marokko stärkt die Zusammenarbeit.");
    assertThat(cleaned.get(0).getInt(1)).isEqualTo("Folge uns jetzt".length() + "Teilen Sie diesen Artikel".length());
    assertThat(cleaned.get(2).getString(0)).isEqualTo("Ein Text ohne Vorlage.");
  }

  @Test
  void minDocsAndLineLengthLimitWhatIsLearned() {
    BoilerplateRemoverModel model = new BoilerplateRemover().setMinDocs(3).fit(corpus());
    assertThat(model.learnedLines()).containsExactly("teilen sie diesen artikel");
    assertThat(new BoilerplateRemover().setMaxLineChars(20).fit(corpus()).learnedLines())
        .containsExactly("folge uns jetzt");
  }

  @Test
  void savedModelLoadsAndRemovesTheSame(@TempDir Path dir) throws Exception {
    BoilerplateRemoverModel model = new BoilerplateRemover().fit(corpus());
    String path = dir.resolve("boilerplate").toString();
    model.write().save(path);
    BoilerplateRemoverModel loaded = BoilerplateRemoverModel.load(path);
    assertThat(loaded.learnedLines()).containsExactlyInAnyOrderElementsOf(model.learnedLines());
    assertThat(loaded.transform(corpus()).select("body").collectAsList())
        .isEqualTo(model.transform(corpus()).select("body").collectAsList());
  }

  @Test
  void transformSchemaNamesAMissingColumn() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            new BoilerplateRemover().setInputCol("content").transformSchema(SCHEMA))
        .hasMessageContaining("content").hasMessageContaining("missing");
  }
}
