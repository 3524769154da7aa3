package org.polycorpus.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Versions of polycorpus and the libraries whose behaviour shapes its results. */
public final class Versions implements IVersionProvider {
  /** Maven's record of tika-core's build, which the job's jar keeps beside Tika's classes. */
  private static final String TIKA_POM = "/META-INF/maven/org.apache.tika/tika-core/pom.properties";

  static Map<String, String> all(String sparkVersion) {
    Map<String, String> versions = new LinkedHashMap<>();
    Package own = Versions.class.getPackage();
    versions.put("polycorpus", own.getImplementationVersion() == null ? "dev" : own.getImplementationVersion());
    versions.put("spark", sparkVersion);
    versions.put("tika", tika());
    versions.put("lucene", org.apache.lucene.util.Version.LATEST.toString());
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  /**
   * Not Tika's package version: in the job's shaded jar every package reports the jar's own
   * manifest, polycorpus's version.
   */
  private static String tika() {
    try (InputStream pom = org.apache.tika.Tika.class.getResourceAsStream(TIKA_POM)) {
      if (pom == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(pom);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"polycorpus " + all(org.apache.spark.package$.MODULE$.SPARK_VERSION())};
  }
}
