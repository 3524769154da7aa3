package org.polycorpus.topics;

/** One k tried for a language, with the cosine silhouette of its clustering (NaN if undefined). */
public record KScore(String language, int k, double silhouette, boolean chosen) {}
