package cn.wujiang.cxzy.review;

import static cn.wujiang.cxzy.review.ReviewProcess.Field.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.TaskForms;

/** 组织整改 and 党员整改: shows the problems and the deadline; the rectification report is saved. */
@Component("rectificationForm")
class RectificationForm implements TaskListener {

  static final List<String> FIELDS = List.of(ORG_NAME, PHASE_NAME, ROUND_NAME, MEMBER_NAME, RECTIFICATION_DUE_TEXT,
      PROBLEMS, RETURN_COMMENT, RECTIFICATION_REPORT);

  private final ReviewForms forms;
  private final ReviewService reviews;

  RectificationForm(ReviewForms forms, ReviewService reviews) {
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
      if (review.getRectificationStatus() == Review.RectificationStatus.RETURNED) {
        values.put(RETURN_COMMENT, review.getVerificationComment());
        values.put(RECTIFICATION_REPORT, review.getRectificationReport());
      }
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    String report = check.text(RECTIFICATION_REPORT, "整改情况报告", true, ReviewProcess.MAX_TEXT);
    check.check();
    reviews.reportRectification(key, report, forms.actor(task));
    TaskForms.clean(task, FIELDS);
  }
}
