package cn.wujiang.cxzy.review;

import static cn.wujiang.cxzy.review.ReviewProcess.Field.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/** 验收整改 and 验收党员整改: the reviewer accepts the rectification, or returns it with a reason. */
@Component("verifyRectificationForm")
class VerifyRectificationForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, ROUND_NAME, MEMBER_NAME, RECTIFICATION_DUE_TEXT,
      PROBLEMS, RECTIFICATION_REPORT, DECISION, COMMENT);

  private final ReviewForms forms;
  private final ReviewService reviews;

  VerifyRectificationForm(ReviewForms forms, ReviewService reviews) {
    this.forms = forms;
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewKey key = ReviewKey.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Review review = reviews.get(key);
      Map<String, Object> values = forms.context(key);
      values.put(RECTIFICATION_DUE_TEXT, ReviewForms.day(review.getRectificationDue()));
      values.put(PROBLEMS, review.getProblems());
      values.put(RECTIFICATION_REPORT, review.getRectificationReport());
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String decision = check.choice(DECISION, "验收结果",
        List.of(ReviewProcess.Decision.ACCEPT, ReviewProcess.Decision.RETURN), true);
    boolean accepted = ReviewProcess.Decision.ACCEPT.equals(decision);
    String comment = check.text(COMMENT, "验收意见", decision != null && !accepted, ReviewProcess.MAX_TEXT);
    check.check();
    if (accepted) {
      reviews.acceptRectification(key, comment, forms.actor(task));
    } else {
      reviews.returnRectification(key, comment, forms.actor(task));
    }
    TaskForms.clean(task, FIELDS);
    ReviewForms.decide(task, key, key.isMember() ? ReviewProcess.Var.MEMBER_RECTIFICATION_ACCEPTED
        : ReviewProcess.Var.ORG_RECTIFICATION_ACCEPTED, accepted);
  }
}
