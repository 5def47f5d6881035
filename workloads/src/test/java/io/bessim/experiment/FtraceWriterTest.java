package io.bessim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bessim.driver.Architecture;
import io.bessim.driver.Platform;
import io.bessim.driver.kernel.WorkItem;
import io.bessim.sim.Time;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The ftrace text counts what the model did: the rig's scripts get the model's numbers. */
final class FtraceWriterTest {
  @Test
  void countsEveryExecutionOfEachWorkItemAndBalancesEntriesWithExits() {
    long end = Time.seconds(2);
    FtraceWriter f = new FtraceWriter(0, end);
    AtomicReference<Experiment.Setup> setup = new AtomicReference<>();
    Experiment.run(new RunSpec(Architecture.BASELINE, Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), end, 1), f, setup::set);
    List<String> lines = f.render().lines().filter(l -> !l.startsWith("#")).toList();

    Map<String, Integer> starts = new HashMap<>();
    Map<String, Integer> events = new HashMap<>();
    for (String l : lines) {
      String[] w = l.trim().split("\\s+");
      events.merge(w[3], 1, Integer::sum);
      if (w[3].equals("workqueue_execute_start:")) starts.merge(w[w.length - 1], 1, Integer::sum);
    }
    for (WorkItem w : setup.get().host().kernel().workItems()) {
      assertEquals((int) w.executions(), starts.getOrDefault(w.name(), 0), w.name());
    }
    assertTrue(starts.get("sdio_rx_work") > 50, starts.toString());
    assertEquals(events.get("irq_handler_entry:"), events.get("irq_handler_exit:"));
    assertEquals(events.get("softirq_entry:"), events.get("softirq_exit:"));
    assertEquals(events.get("mmc_request_start:"), events.get("mmc_request_done:"));
    assertEquals(setup.get().host().sdio().requests(), (long) events.get("mmc_request_start:"));
    assertTrue(events.get("sched_switch:") > 0 && events.get("sched_wakeup:") > 0, events.keySet()
        .toString());
  }

  @Test
  void linesAreInTimeOrderInTraceCmdLayout() {
    long end = Time.seconds(1);
    FtraceWriter f = new FtraceWriter(Time.seconds(0.5), end);
    Experiment.run(new RunSpec(Architecture.V3, Platform.defaults(),
        WorkloadSpec.parse("tcp:4MB/s"), end, 1), f);
    double last = 0;
    for (String l : f.render().lines().filter(l -> !l.startsWith("#")).toList()) {
      assertTrue(l.matches("\\s*\\S+-\\d+ \\[\\d{3}\\]\\s+\\d+\\.\\d{6}: \\w+: .*"), l);
      double ts = Double.parseDouble(l.replaceAll(".*\\]\\s+(\\d+\\.\\d+):.*", "$1"));
      assertTrue(ts >= last && ts >= 0.5 && ts <= 1.0, l);
      last = ts;
    }
  }
}
