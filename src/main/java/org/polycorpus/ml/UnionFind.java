package org.polycorpus.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Union-find over (graph, node) pairs, for {@link ConnectedComponents} inside one task. */
final class UnionFind {
  private final Map<List<Object>, List<Object>> parent = new HashMap<>();

  private UnionFind() {}

  /** Rows (graph, a, b) in; (graph, node, smallest node of its component) out, one per node. */
  static Iterator<Row> labels(Iterator<Row> edges) {
    UnionFind sets = new UnionFind();
    while (edges.hasNext()) {
      Row edge = edges.next();
      sets.union(List.of(edge.get(0), edge.getString(1)), List.of(edge.get(0), edge.getString(2)));
    }
    Map<List<Object>, String> smallest = new HashMap<>();
    for (List<Object> node : sets.parent.keySet()) {
      smallest.merge(sets.find(node), (String) node.get(1), (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    List<Row> rows = new ArrayList<>(sets.parent.size());
    for (List<Object> node : sets.parent.keySet()) {
      rows.add(RowFactory.create(node.get(0), node.get(1), smallest.get(sets.find(node))));
    }
    return rows.iterator();
  }

  private List<Object> find(List<Object> node) {
    List<Object> root = node;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    // Path compression: point every node on the way straight at the root.
    List<Object> current = node;
    while (!current.equals(root)) {
      List<Object> next = parent.get(current);
      parent.put(current, root);
      current = next;
    }
    return root;
  }

  private void union(List<Object> a, List<Object> b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    List<Object> rootA = find(a);
    List<Object> rootB = find(b);
    if (!rootA.equals(rootB)) {
      parent.put(rootA, rootB);
    }
  }
}
