package cn.wujiang.cxzy.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.wujiang.cxzy.identity.CurrentUser;

/** {@code POST /api/demo/simulate/{phaseId}}: the city office plays a phase through (demo profile only). */
@RestController
@Profile("demo")
@RequestMapping("/api/demo")
class SimulateController {

  private final PhaseSimulator simulator;
  private final CurrentUser currentUser;

  SimulateController(PhaseSimulator simulator, CurrentUser currentUser) {
    this.simulator = simulator;
    this.currentUser = currentUser;
  }

  @PostMapping("/simulate/{phaseId}")
  PhaseSimulator.Result simulate(@PathVariable String phaseId, @RequestParam(defaultValue = "400") int rounds) {
    currentUser.requireCityOffice();
    return currentUser.asSystem(() -> simulator.simulate(phaseId, Math.max(1, Math.min(rounds, 2000))));
  }
}
