## ما تعرضه شاشات المرافق ونماذجه.

label-activity_kind-home_visit = زيارة منزلية
label-activity_kind-community = زيارة في المجتمع
label-activity_kind-office = موعد في المكتب
label-activity_kind-phone_or_video = مكالمة هاتفية أو مرئية
label-activity_kind-accompanying = مرافقة إلى موعد
label-activity_kind-group_session = جلسة جماعية
label-activity_kind-crisis_response = استجابة لأزمة
label-activity_kind-third_party_contact = تواصل نيابة عن الشخص

label-activity_status-scheduled = مجدولة
label-activity_status-done = تمّت
label-activity_status-missed = فائتة
label-activity_status-cancelled = ملغاة

label-scheduling-planned = مخطط لها
label-scheduling-emergency = طارئة
label-scheduling-as_needed = عند الحاجة

label-area-housing = السكن
label-area-mental_health = الصحة النفسية
label-area-physical_health = الصحة الجسدية والعناية بالنفس
label-area-daily_living = مهارات الحياة اليومية
label-area-work_education = العمل والتعليم
label-area-money = المال
label-area-relationships = العلاقات والحياة الاجتماعية
label-area-substance_use = تعاطي المواد
label-area-legal = الشؤون القانونية
label-area-safety = السلامة

label-risk_level-low = منخفض
label-risk_level-medium = متوسط
label-risk_level-high = مرتفع

label-client_status-active = نشط
label-client_status-paused = متوقف منذ { $since }
label-client_status-discharged = أُغلق الملف في { $on }

label-duty-educate = التثقيف
    .description = تعليم مهارة أو مشاركة معرفة
label-duty-empower = التمكين
    .description = يتصرف الشخص بنفسه، بدعمك
label-duty-advocate = المناصرة
    .description = تتصرف نيابة عن الشخص

label-entry_kind-what_helps_me = ما يساعدني
label-entry_kind-reflection = فكرة

label-incident_kind-medication_refusal = رفض الدواء
label-incident_kind-suspected_abuse = اشتباه بإساءة
label-incident_kind-safety_risk = خطر على السلامة
label-incident_kind-crisis = أزمة
label-incident_kind-other = حادثة أخرى

label-required_action-listen_to_concerns = الاستماع إلى مخاوف الشخص
label-required_action-document_refusal = توثيق الرفض
label-required_action-inform_supervisor = إبلاغ المشرف
label-required_action-report_per_protocol = الإبلاغ وفق بروتوكول الجهة
label-required_action-assess_risk = تقييم الخطر
label-required_action-decide_escalation = تقرير التصعيد

label-goal_status-active = قيد العمل
label-goal_status-achieved = تحقّق في { $on }
label-goal_status-paused = متوقف
label-goal_status-dropped = وُضع جانبًا

label-author-client = الشخص
label-author-worker = المرافق

label-resource_category-crisis_line = خط الأزمات
label-resource_category-food_bank = بنك الطعام
label-resource_category-legal_aid = المساعدة القانونية
label-resource_category-housing = السكن
label-resource_category-healthcare = الرعاية الصحية
label-resource_category-mental_health = الصحة النفسية
label-resource_category-substance_use = الإدمان
label-resource_category-employment = التوظيف والتدريب
label-resource_category-childcare = رعاية الأطفال
label-resource_category-education = الدعم التعليمي
label-resource_category-employee_assistance = مساعدة الموظفين
label-resource_category-agency = التواصل مع الجهة
label-resource_category-other = أخرى

label-referral_status-made = تمت الإحالة
label-referral_status-accepted = مقبولة
label-referral_status-declined = مرفوضة
label-referral_status-completed = مكتملة

label-due_kind-visit = زيارة
label-due_kind-follow_up = متابعة
label-due_kind-plan_review = مراجعة الخطة
label-due_kind-goal_target = موعد الهدف

label-trend-up = في ارتفاع
label-trend-same = كما هو
label-trend-down = في انخفاض
label-trend-not_enough = لا توجد تقييمات كافية بعد

label-duty_trend-rising = في ازدياد
label-duty_trend-steady = ثابت
label-duty_trend-falling = في تراجع
label-duty_trend-not_enough_data = لا يكفي للمقارنة

label-timeline_kind-activity = زيارة
label-timeline_kind-note = ملاحظة الحالة
label-timeline_kind-incident = حادثة
label-timeline_kind-referral = إحالة
label-timeline_kind-rating = تقييم
label-timeline_kind-review = مراجعة الخطة

label-step-open = للإنجاز
label-step-done = تمّت
label-step-marked_by_client = علّمها الشخص كمنجزة؛ يُرجى التأكيد
label-step-confirmed = تمّت وأُكّدت

label-record-client = الشخص
label-record-note = ملاحظة الحالة
label-record-addendum = ملحق
label-record-activity = زيارة
label-record-follow_up_open = متابعة
label-record-plan = خطة
label-record-plan_version = إصدار الخطة
label-record-goal = هدف
label-record-step = خطوة
label-record-rating = تقييم
label-record-review = مراجعة الخطة
label-record-incident = حادثة
label-record-referral = إحالة
label-record-resource = مورد
label-record-assessment = تقييم الاحتياجات
label-record-client_entry = كلمات الشخص
label-record-duty_settings = إعدادات المهام
label-record-worker_settings = إعدادات المرافق
label-record-vault = الخزنة
label-record-wellness_plan = خطة العافية والأزمات
label-record-revision = نسخة سابقة
label-record-note_draft = مسودة للتوقيع
label-record-incident_correction = تصحيح حادثة
label-record-debrief = مراجعة ذاتية
label-record-supervision = جلسة إشراف
label-record-certification = شهادة

label-auto_lock-minutes = { $minutes ->
    [zero] أقل من دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}

label-language-en = English
label-language-fr = Français
label-language-es = Español
label-language-ar = العربية

count-people = { $count ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
count-clients = { $count ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
count-days = { $count ->
    [zero] لا أيام
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
count-addenda = { $count ->
    [zero] لا ملاحق
    [one] ملحق واحد
    [two] ملحقان
    [few] { $count } ملاحق
    [many] { $count } ملحقًا
   *[other] { $count } ملحق
}
count-records = { $count ->
    [zero] لا سجلات
    [one] سجل واحد
    [two] سجلان
    [few] { $count } سجلات
    [many] { $count } سجلًا
   *[other] { $count } سجل
}
count-actions-to-record = { $count ->
    [zero] لا إجراءات مطلوبة للتسجيل
    [one] إجراء مطلوب واحد للتسجيل
    [two] إجراءان مطلوبان للتسجيل
    [few] { $count } إجراءات مطلوبة للتسجيل
    [many] { $count } إجراءً مطلوبًا للتسجيل
   *[other] { $count } إجراء مطلوب للتسجيل
}
count-goals = { $count ->
    [zero] لا أهداف
    [one] هدف واحد
    [two] هدفان
    [few] { $count } أهداف
    [many] { $count } هدفًا
   *[other] { $count } هدف
}
count-audit-entries = { $count ->
    [zero] لا قيود في السجل
    [one] قيد واحد في السجل
    [two] قيدان في السجل
    [few] { $count } قيود في السجل
    [many] { $count } قيدًا في السجل
   *[other] { $count } قيد في السجل
}
count-bytes = { $count ->
    [zero] لا بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $count } بايتات
    [many] { $count } بايتًا
   *[other] { $count } بايت
}

today-visits = { $count ->
    [zero] لا زيارات
    [one] زيارة واحدة
    [two] زيارتان
    [few] { $count } زيارات
    [many] { $count } زيارة
   *[other] { $count } زيارة
}
today-follow-ups-due = { $count ->
    [zero] لا متابعات مستحقة
    [one] متابعة واحدة مستحقة
    [two] متابعتان مستحقتان
    [few] { $count } متابعات مستحقة
    [many] { $count } متابعة مستحقة
   *[other] { $count } متابعة مستحقة
}
today-overdue = ({ $count } متأخرة)
today-plan-reviews = { $count ->
    [zero] لا مراجعات
    [one] مراجعة خطة واحدة
    [two] مراجعتا خطة
    [few] { $count } مراجعات خطط
    [many] { $count } مراجعة خطة
   *[other] { $count } مراجعة خطة
}
today-open-incidents = { $count ->
    [zero] لا حوادث مفتوحة
    [one] حادثة مفتوحة واحدة
    [two] حادثتان مفتوحتان
    [few] { $count } حوادث مفتوحة
    [many] { $count } حادثة مفتوحة
   *[other] { $count } حادثة مفتوحة
}
today-referrals-to-check = { $count ->
    [zero] لا إحالات للتحقق
    [one] إحالة واحدة للتحقق
    [two] إحالتان للتحقق
    [few] { $count } إحالات للتحقق
    [many] { $count } إحالة للتحقق
   *[other] { $count } إحالة للتحقق
}
today-nothing = لا شيء مخطط له
due-today = مستحق اليوم
due-overdue = { $count ->
    [zero] متأخر
    [one] متأخر يومًا واحدًا
    [two] متأخر يومين
    [few] متأخر { $count } أيام
    [many] متأخر { $count } يومًا
   *[other] متأخر { $count } يوم
}
review-due-today = المراجعة مستحقة اليوم
review-overdue = المراجعة متأخرة { $count ->
    [zero] اليوم
    [one] يومًا واحدًا
    [two] يومين
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
review-due-in = المراجعة بعد { $count ->
    [zero] اليوم
    [one] يوم واحد
    [two] يومين
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
incident-closed-on = أُغلقت في { $on }
incident-ready = جاهزة للإغلاق
any-time = في أي وقت
unknown-resource = مورد غير معروف
due-plan-review = مراجعة الخطة
due-goal = هدف: { $words }
due-follow-up = متابعة: { $what }
due-visit-at = { $kind } في { $time }
timeline-activity = { $kind } · { $duties }
timeline-activity-status = { $kind } · { $duties } ({ $status })
timeline-cancelled = أُلغيت: { $reason }
timeline-note = ملاحظة الحالة
timeline-note-draft = ملاحظة الحالة (مسودة)
timeline-incident-open = حادثة: { $kind } (مفتوحة)
timeline-incident-closed = حادثة: { $kind } (مغلقة)
timeline-referral = إحالة إلى { $name }: { $status }
timeline-rating-client = التقدّم { $score }/10، بتقييم { $name }
timeline-rating-worker = التقدّم { $score }/10، بتقييم المرافق
timeline-review = مراجعة الخطة (الإصدار { $version })
balance-none = لا أنشطة مسجّلة في هذه الفترة.
balance-summary = { $count ->
    [zero] لا أنشطة
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
    [many] { $count } نشاطًا
   *[other] { $count } نشاط
}: { $shares }

today-draft-started = بدأت اليوم
today-draft-unsigned = { $count ->
    [zero] غير موقعة منذ { $count } يوم
    [one] غير موقعة منذ يوم واحد
    [two] غير موقعة منذ يومين
    [few] غير موقعة منذ { $count } أيام
    [many] غير موقعة منذ { $count } يومًا
   *[other] غير موقعة منذ { $count } يوم
}
today-notes-to-sign = { $count ->
    [zero] لا ملاحظات للتوقيع
    [one] ملاحظة واحدة للتوقيع
    [two] ملاحظتان للتوقيع
    [few] { $count } ملاحظات للتوقيع
    [many] { $count } ملاحظة للتوقيع
   *[other] { $count } ملاحظة للتوقيع
}
today-off-duty = خارج الدوام
