package org.polycorpus.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The run report: one HTML file with the data and ECharts inlined, so it opens offline and can
 * be mailed or attached as it is.
 */
public final class Report {
  private static final String TEMPLATE = "/org/polycorpus/report/report.html";
  private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private Report() {}

  /** Writes the report of the run whose tables are under {@code tables} to {@code file} (any Hadoop path). */
  public static void write(SparkSession spark, String tables, String file) throws IOException {
    String json = new ObjectMapper().writeValueAsString(ReportData.read(spark, tables));
    String html = resource(TEMPLATE)
        .replace("/*ECHARTS*/", scriptSafe(resource(ECHARTS)))
        .replace("/*DATA*/null", scriptSafe(json));
    Path path = new Path(file);
    try (FSDataOutputStream out = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(path, true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Text inside a script element must not close it: "</" becomes the equivalent "<\/". */
  static String scriptSafe(String script) {
    return script.replace("</", "<\\/");
  }

  private static String resource(String name) {
    try (InputStream in = Report.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
