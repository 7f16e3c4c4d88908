package cn.wujiang.cxzy.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap in use at any one time: the heap's occupancy just before each collection (the moments
 * it is fullest), and now. The heap pools' own peaks are each pool's highest, reached at different
 * times, so their sum overstates what was in use (it can exceed the maximum heap).
 */
final class HeapPeak {

  private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private static final AtomicLong PEAK = new AtomicLong();

  static {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // The collection of reset() may be reported after it: what it found belongs to the run before.
        if (!"System.gc()".equals(info.getGcCause())) {
          long used = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
              .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
          PEAK.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
  }

  private HeapPeak() {
  }

  /** Collects the garbage and starts over from what is in use now. */
  static void reset() {
    System.gc();
    PEAK.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** The most heap in use since the last reset, in MB. */
  static double mb() {
    long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return Math.max(PEAK.get(), now) / 1048576.0;
  }
}
