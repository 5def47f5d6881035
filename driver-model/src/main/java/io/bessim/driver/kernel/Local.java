package io.bessim.driver.kernel;

/** A numeric variable of a routine (an {@code int}, a {@code u32}, a flag), zero on entry. */
public final class Local extends Var {
  Local(Routine routine, String name, int slot) {
    super(routine, name, slot, false);
  }
}
