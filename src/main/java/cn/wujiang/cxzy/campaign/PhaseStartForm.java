package cn.wujiang.cxzy.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.process.InvalidFormException;

/**
 * The city office's start form (时段序号, 专题, 开始日期, 结束日期): checked, saved as a phase, and
 * replaced in the process by the phase id. A bad value refuses the start with a Chinese message.
 */
@Component("phaseStartForm")
class PhaseStartForm implements ExecutionListener {

  private final CampaignService campaign;
  private final IdentityService identityService;

  PhaseStartForm(CampaignService campaign, IdentityService identityService) {
    this.campaign = campaign;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    Object number = execution.getVariable(CampaignProcess.Field.NUMBER);
    Integer phaseNumber = null;
    if (number instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      phaseNumber = n.intValue();
    } else if (number != null && number.toString().matches("\\d{1,2}")) {
      phaseNumber = Integer.valueOf(number.toString());
    } else {
      problems.add("“时段序号”应为 1 到 99 的整数");
    }
    Object theme = execution.getVariable(CampaignProcess.Field.THEME);
    LocalDate start = date(execution.getVariable(CampaignProcess.Field.START_DATE), "开始日期", problems);
    LocalDate end = date(execution.getVariable(CampaignProcess.Field.END_DATE), "结束日期", problems);
    Phase phase = campaign.open(phaseNumber == null ? 0 : phaseNumber, theme == null ? null : theme.toString(),
        start, end, starter(), problems);
    if (phase == null) {
      throw new InvalidFormException(problems);
    }
    execution.removeVariables(List.of(CampaignProcess.Field.NUMBER, CampaignProcess.Field.THEME,
        CampaignProcess.Field.START_DATE, CampaignProcess.Field.END_DATE));
    execution.setVariable(CampaignProcess.Var.PHASE_ID, phase.getId());
    execution.setVariable("phaseName", phase.label());
    campaign.attach(phase.getId(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(CampaignService.businessKey(phase.getId()));
  }

  private String starter() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static LocalDate date(Object value, String label, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add("“" + label + "”不能为空");
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(Deadlines.ZONE).toLocalDate();
    }
    try {
      String text = value.toString().trim();
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (DateTimeParseException e) {
      problems.add("“" + label + "”不是有效日期（应为 年-月-日）");
      return null;
    }
  }
}
