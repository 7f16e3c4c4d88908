package cn.wujiang.cxzy.review;

import static cn.wujiang.cxzy.review.ReviewProcess.Field.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.wujiang.cxzy.process.Deadlines;
import cn.wujiang.cxzy.process.TaskForms;

/** 上级点评: the direct leader rates the 五个好, affirms, names problems and may order rectification. */
@Component("reviewOrganizationForm")
class ReviewOrganizationForm implements TaskListener {

  static final List<String> FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of(ORG_NAME, PHASE_NAME, ROUND_NAME, COMMITMENTS, REVIEW_FORM));
    Criterion.of(false).forEach(c -> fields.add(c.key()));
    fields.addAll(List.of(ACHIEVEMENTS, PROBLEMS, WAY_FORWARD, RECTIFICATION_REQUIRED, RECTIFICATION_DUE));
    FIELDS = List.copyOf(fields);
  }

  private final ReviewForms forms;
  private final ReviewService reviews;
  private final ReviewNotices notices;

  ReviewOrganizationForm(ReviewForms forms, ReviewService reviews, ReviewNotices notices) {
    this.forms = forms;
    this.reviews = reviews;
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewKey key = ReviewKey.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = forms.context(key);
      values.put(COMMITMENTS, forms.commitmentItems(key));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    ReviewMeans means = ReviewForms.means(check, false);
    Map<Criterion, Rating> ratings = ReviewForms.ratings(check, false);
    String achievements = check.text(ACHIEVEMENTS, "肯定成绩", true, ReviewProcess.MAX_TEXT);
    String problems = check.text(PROBLEMS, "存在问题", true, ReviewProcess.MAX_TEXT);
    String wayForward = check.text(WAY_FORWARD, "努力方向", true, ReviewProcess.MAX_TEXT);
    Boolean rectify = check.bool(RECTIFICATION_REQUIRED, "是否需要整改", true);
    LocalDate due = Boolean.TRUE.equals(rectify) ? check.date(RECTIFICATION_DUE, "整改期限", true, true) : null;
    check.check();
    Review review = reviews.record(key,
        new ReviewService.Entry(means, ratings, achievements, problems, wayForward, null, due), forms.actor(task));
    TaskForms.clean(task, FIELDS);
    ReviewForms.decide(task, key, ReviewProcess.Var.ORG_RECTIFICATION_REQUIRED, rectify);
    if (rectify) {
      ReviewForms.decide(task, key, ReviewProcess.Var.ORG_RECTIFICATION_DUE, Deadlines.endOfDay(due));
      notices.rectificationOrdered(review);
    }
  }
}
