package cn.wujiang.cxzy.campaign;

import java.util.concurrent.atomic.AtomicInteger;

/** Phase numbers for tests: each can be started once, and all tests share one application. */
public final class TestPhases {

  private static final AtomicInteger NEXT = new AtomicInteger(20);

  private TestPhases() {
  }

  public static int next() {
    return NEXT.getAndIncrement();
  }
}
