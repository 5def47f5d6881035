package io.bessim.driver.kernel;

import java.util.ArrayDeque;

/** A spinlock: a waiter keeps its CPU busy until the holder releases. Contention is counted. */
public final class SpinLock {
  private final String name;
  final int id;
  Ctx holder;
  final ArrayDeque<Ctx> spinners = new ArrayDeque<>();
  long acquisitions;
  long contentions;
  long spinPs;

  SpinLock(String name, int id) {
    this.name = name;
    this.id = id;
  }

  public String name() {
    return name;
  }

  public int id() {
    return id;
  }

  public long acquisitions() {
    return acquisitions;
  }

  public long contentions() {
    return contentions;
  }

  @Override
  public String toString() {
    return name;
  }
}
