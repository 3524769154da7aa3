#!/usr/bin/env python3
"""The single-machine pipeline a user would otherwise write, for jobs/benchmark.sh to compare.

HTML text with BeautifulSoup, language with langdetect (seeded, on the same 10 000-character
prefix polycorpus reads), then per language TF-IDF (scikit-learn's TfidfVectorizer, smoothed
IDF, L2 norm) and k-means for k = 2..8 (at most documents - 1) chosen by cosine silhouette.
Writes one CSV per result and prints the seconds of each stage as JSON on stdout.

    python3 jobs/reference/sklearn_pipeline.py <input folder> <output folder>
"""
import json
import os
import sys
import time
from collections import defaultdict

import pandas as pd
from bs4 import BeautifulSoup
from langdetect import DetectorFactory, LangDetectException, detect
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import silhouette_score

DETECT_CHARS = 10_000
K_MIN, K_MAX = 2, 8
SEED = 42


def extract(root):
    documents = []
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                soup = BeautifulSoup(handle.read(), "html.parser")
            for element in soup(["script", "style"]):
                element.decompose()
            documents.append((os.path.relpath(path, root), " ".join(soup.get_text(" ").split())))
    return documents


def language(text):
    try:
        return detect(text[:DETECT_CHARS])
    except LangDetectException:
        return "und"


def cluster(matrix):
    """Best k by cosine silhouette; a language too small to split is one cluster."""
    documents = matrix.shape[0]
    best = (float("-inf"), 1, [0] * documents)
    for k in range(K_MIN, min(K_MAX, documents - 1) + 1):
        labels = KMeans(n_clusters=k, n_init="auto", random_state=SEED).fit_predict(matrix)
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(matrix, labels, metric="cosine")
        if score > best[0]:
            best = (score, k, labels)
    return best


def main(root, output):
    DetectorFactory.seed = 0
    seconds = {}
    started = time.perf_counter()
    documents = extract(root)
    seconds["extract"] = time.perf_counter() - started

    started = time.perf_counter()
    by_language = defaultdict(list)
    for path, text in documents:
        by_language[language(text)].append((path, text))
    seconds["language"] = time.perf_counter() - started

    seconds["tfidf"] = seconds["clustering"] = 0.0
    rows, clusters, terms = [], [], []
    for lang, docs in sorted(by_language.items()):
        started = time.perf_counter()
        vectorizer = TfidfVectorizer()
        try:
            matrix = vectorizer.fit_transform(text for _, text in docs)
        except ValueError:  # no word at all
            continue
        vocabulary = vectorizer.get_feature_names_out()
        for i, (path, _) in enumerate(docs):
            row = matrix.getrow(i)
            for index in row.indices[row.data.argsort()[::-1][:20]]:
                terms.append((path, lang, vocabulary[index], row[0, index]))
        seconds["tfidf"] += time.perf_counter() - started

        started = time.perf_counter()
        score, k, labels = cluster(matrix)
        clusters.append((lang, k, None if k == 1 else score))
        rows.extend((path, lang, int(label)) for (path, _), label in zip(docs, labels))
        seconds["clustering"] += time.perf_counter() - started

    started = time.perf_counter()
    os.makedirs(output, exist_ok=True)
    pd.DataFrame(rows, columns=["path", "language", "cluster"]).to_csv(os.path.join(output, "documents.csv"))
    pd.DataFrame(terms, columns=["path", "language", "term", "tfidf"]).to_csv(os.path.join(output, "terms.csv"))
    pd.DataFrame(clusters, columns=["language", "k", "silhouette"]).to_csv(os.path.join(output, "clusters.csv"))
    seconds["write"] = time.perf_counter() - started
    print(json.dumps({"documents": len(documents), "languages": len(by_language), "stage_seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
