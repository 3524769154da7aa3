package org.polycorpus.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The README's table reference lists every column of every table, in order, with its type. */
class ReadmeSchemaTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_0-9]+)` \\| ([^|]+) \\|");

  @Test
  void readmeDocumentsEveryColumn() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (Map.Entry<String, StructType> table : Tables.SCHEMAS.entrySet()) {
      String heading = "### `" + table.getKey() + "`";
      int start = readme.indexOf(heading);
      assertThat(start).as("README section %s", heading).isNotNegative();
      int end = readme.indexOf("\n### ", start + heading.length());
      String section = readme.substring(start, end < 0 ? readme.length() : end);
      List<String> documented = new ArrayList<>();
      for (String line : section.lines().toList()) {
        Matcher row = ROW.matcher(line);
        if (row.find()) {
          documented.add(row.group(1) + " " + row.group(2).strip().replace("&lt;", "<").replace("&gt;", ">"));
        }
      }
      List<String> actual = new ArrayList<>();
      for (StructField field : table.getValue().fields()) {
        actual.add(field.name() + " " + field.dataType().simpleString());
      }
      assertThat(documented).as("columns of %s in the README", table.getKey()).isEqualTo(actual);
    }
  }
}
