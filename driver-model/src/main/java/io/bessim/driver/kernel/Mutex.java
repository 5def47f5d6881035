package io.bessim.driver.kernel;

import java.util.ArrayDeque;

/**
 * A sleeping lock: a mutex, or the MMC host claim ({@code sdio_claim_host}), which behaves like one
 * for the driver (a contended claim sleeps until the holder releases and wakes it).
 */
public final class Mutex {
  private final String name;
  final int id;
  private final boolean hostClaim;
  Ctx holder;
  final ArrayDeque<Ctx> waiters = new ArrayDeque<>();
  long acquisitions;
  long contentions;

  Mutex(String name, int id, boolean hostClaim) {
    this.name = name;
    this.id = id;
    this.hostClaim = hostClaim;
  }

  public String name() {
    return name;
  }

  /** The bit this mutex sets in {@link Ctx#lockMask()} while held. */
  public int id() {
    return id;
  }

  public long acquisitions() {
    return acquisitions;
  }

  public long contentions() {
    return contentions;
  }

  public boolean isHeld() {
    return holder != null;
  }

  public boolean isHostClaim() {
    return hostClaim;
  }

  String lockVerb() {
    return hostClaim ? "sdio_claim_host" : "mutex_lock";
  }

  String unlockVerb() {
    return hostClaim ? "sdio_release_host" : "mutex_unlock";
  }

  @Override
  public String toString() {
    return name;
  }
}
