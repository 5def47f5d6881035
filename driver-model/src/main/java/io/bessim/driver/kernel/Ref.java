package io.bessim.driver.kernel;

/**
 * An object variable of a routine (a {@code struct sk_buff *}, a list of frames), null on entry.
 *
 * @param <T> what it points to
 */
public final class Ref<T> extends Var {
  Ref(Routine routine, String name, int slot) {
    super(routine, name, slot, true);
  }
}
