package org.polycorpus.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Union-find, for connected components computed inside one task. */
public final class UnionFind<T> {
  private final Map<T, T> parent = new HashMap<>();

  /** Rows (graph, a, b) in; (graph, node, smallest node of its component) out, one per node. */
  static Iterator<Row> labels(Iterator<Row> edges) {
    UnionFind<List<Object>> sets = new UnionFind<>();
    while (edges.hasNext()) {
      Row edge = edges.next();
      sets.union(List.of(edge.get(0), edge.getString(1)), List.of(edge.get(0), edge.getString(2)));
    }
    Map<List<Object>, List<Object>> smallest = sets.smallest(Comparator.comparing(node -> (String) node.get(1)));
    List<Row> rows = new ArrayList<>(smallest.size());
    smallest.forEach((node, label) -> rows.add(RowFactory.create(node.get(0), node.get(1), label.get(1))));
    return rows.iterator();
  }

  /** Joins the components of {@code a} and {@code b}, adding either if new. */
  public void union(T a, T b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    T rootA = find(a);
    T rootB = find(b);
    if (!rootA.equals(rootB)) {
      parent.put(rootA, rootB);
    }
  }

  /** Every node and the smallest node, in {@code order}, of its component. */
  public Map<T, T> smallest(Comparator<? super T> order) {
    Map<T, T> smallestOfRoot = new HashMap<>();
    for (T node : parent.keySet()) {
      smallestOfRoot.merge(find(node), node, (x, y) -> order.compare(x, y) <= 0 ? x : y);
    }
    Map<T, T> labels = new HashMap<>();
    for (T node : parent.keySet()) {
      labels.put(node, smallestOfRoot.get(find(node)));
    }
    return labels;
  }

  private T find(T node) {
    T root = node;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    // Path compression: point every node on the way straight at the root.
    T current = node;
    while (!current.equals(root)) {
      T next = parent.get(current);
      parent.put(current, root);
      current = next;
    }
    return root;
  }
}
