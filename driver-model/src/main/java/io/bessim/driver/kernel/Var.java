package io.bessim.driver.kernel;

/**
 * A variable of one routine, as a C function declares it: a {@link Local} holds a number, a
 * {@link Ref} an object (an skb, a frame list). Each call of the routine gets its own copy in the
 * executing context's frame, so a called routine cannot see or overwrite its caller's variables.
 * Read and written from the routine's actions as {@code c.get(v)} and {@code c.set(v, x)}.
 */
public abstract sealed class Var permits Local, Ref {
  final Routine routine;
  final String name;
  /** Index among the routine's variables of the same kind (numbers or objects). */
  final int slot;
  final boolean isRef;

  Var(Routine routine, String name, int slot, boolean isRef) {
    this.routine = routine;
    this.name = name;
    this.slot = slot;
    this.isRef = isRef;
  }

  /** The name the C code gives it. */
  public final String name() {
    return name;
  }

  /** The routine that declared it. */
  public final Routine routine() {
    return routine;
  }

  @Override
  public final String toString() {
    return name;
  }
}
