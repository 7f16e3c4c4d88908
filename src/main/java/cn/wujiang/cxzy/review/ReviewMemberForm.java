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

/** 点评党员: the organization rates a member's 五带头, comments and may order rectification. */
@Component("reviewMemberForm")
class ReviewMemberForm implements TaskListener {

  static final List<String> FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of(ORG_NAME, PHASE_NAME, ROUND_NAME, MEMBER_NAME, MEMBER_COMMITMENT,
        REVIEW_FORM));
    Criterion.of(true).forEach(c -> fields.add(c.key()));
    fields.addAll(List.of(COMMENTS, RECTIFICATION_REQUIRED, PROBLEMS, RECTIFICATION_DUE));
    FIELDS = List.copyOf(fields);
  }

  private final ReviewForms forms;
  private final ReviewService reviews;
  private final ReviewNotices notices;

  ReviewMemberForm(ReviewForms forms, ReviewService reviews, ReviewNotices notices) {
    this.forms = forms;
    this.reviews = reviews;
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewKey key = ReviewKey.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> values = forms.context(key);
      values.put(MEMBER_COMMITMENT, forms.memberCommitment(key));
      TaskForms.prepare(task, values);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    TaskForms.Check check = new TaskForms.Check(task);
    ReviewMeans means = ReviewForms.means(check, true);
    Map<Criterion, Rating> ratings = ReviewForms.ratings(check, true);
    String comments = check.text(COMMENTS, "点评意见", true, ReviewProcess.MAX_TEXT);
    Boolean rectify = check.bool(RECTIFICATION_REQUIRED, "是否需要整改", true);
    String problems = null;
    LocalDate due = null;
    if (Boolean.TRUE.equals(rectify)) {
      problems = check.text(PROBLEMS, "需整改的问题", true, ReviewProcess.MAX_TEXT);
      due = check.date(RECTIFICATION_DUE, "整改期限", true, true);
    }
    check.check();
    Review review = reviews.record(key,
        new ReviewService.Entry(means, ratings, null, problems, null, comments, due), forms.actor(task));
    TaskForms.clean(task, FIELDS);
    ReviewForms.decide(task, key, ReviewProcess.Var.MEMBER_RECTIFICATION_REQUIRED, rectify);
    if (rectify) {
      ReviewForms.decide(task, key, ReviewProcess.Var.MEMBER_RECTIFICATION_DUE, Deadlines.endOfDay(due));
      notices.rectificationOrdered(review);
    }
  }
}
