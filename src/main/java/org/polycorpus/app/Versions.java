package org.polycorpus.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IVersionProvider;

/** Versions of polycorpus and the libraries whose behaviour shapes its results. */
public final class Versions implements IVersionProvider {
  static Map<String, String> all(String sparkVersion) {
    Map<String, String> versions = new LinkedHashMap<>();
    Package own = Versions.class.getPackage();
    versions.put("polycorpus", own.getImplementationVersion() == null ? "dev" : own.getImplementationVersion());
    versions.put("spark", sparkVersion);
    versions.put("tika", String.valueOf(org.apache.tika.Tika.class.getPackage().getImplementationVersion()));
    versions.put("lucene", org.apache.lucene.util.Version.LATEST.toString());
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"polycorpus " + all(org.apache.spark.package$.MODULE$.SPARK_VERSION())};
  }
}
