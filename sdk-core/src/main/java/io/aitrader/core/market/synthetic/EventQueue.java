package io.aitrader.core.market.synthetic;

/**
 * A binary min-heap of primitive {@code long} keys, for merging the instruments' event streams without
 * allocating. Keys encode {@code (time since open) × instruments + instrument index}, so equal times pop in
 * instrument order. Not thread-safe.
 */
final class EventQueue {
  private final long[] heap;
  private int size;

  EventQueue(int capacity) {
    heap = new long[Math.max(1, capacity)];
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }

  void push(long key) {
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long p = heap[parent];
      if (p <= key) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = key;
  }

  long pop() {
    long top = heap[0];
    long last = heap[--size];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      long c = heap[child];
      int right = child + 1;
      if (right < size && heap[right] < c) {
        child = right;
        c = heap[right];
      }
      if (last <= c) {
        break;
      }
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
