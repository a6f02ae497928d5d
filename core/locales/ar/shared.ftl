## الوضع المشترك: ما يقرؤه الشخص حين يعطيه مرافقه الهاتف.

shared-title = خطتي
shared-greeting = مرحبًا { $name }. هذه خطتك.
shared-goals-count = { $count ->
    [zero] لا أهداف
    [one] هدف واحد
    [two] هدفان
    [few] { $count } أهداف
    [many] { $count } هدفًا
   *[other] { $count } هدف
}
shared-no-goals = لا توجد أهداف لعرضها بعد.

shared-area-housing = منزلي
shared-area-mental-health = كيف أشعر
shared-area-physical-health = جسمي وصحتي
shared-area-daily-living = حياتي اليومية
shared-area-work-education = العمل والتعلّم
shared-area-money = المال
shared-area-relationships = الناس في حياتي
shared-area-substance-use = الكحول والمخدرات الأخرى
shared-area-legal = أمور قانونية
shared-area-safety = الشعور بالأمان

shared-status-active = أعمل عليه
shared-status-achieved = تمّ
shared-status-paused = متوقف مؤقتًا
shared-status-set-aside = وُضع جانبًا

shared-band-starting = في البداية
shared-band-getting-there = أتقدّم
shared-band-going-well = الأمور تسير جيدًا
shared-band-there = حيث أريد أن أكون

shared-my-rating = تقييمك: { $score } من 10
shared-worker-rating = تقييم مرافقك: { $score } من 10
shared-no-rating = لا يوجد تقييم بعد
shared-my-ratings = تقييماتي
shared-worker-ratings = تقييمات مرافقي
shared-rate = كيف تسير الأمور؟
shared-rate-question = كيف تسير الأمور، من 1 إلى 10؟

shared-step-done = قمت بهذا
shared-step-waiting = تمّ - سيراجعه مرافقك معك

shared-add-words = إضافة كلماتي الخاصة
shared-my-words = كلماتي الخاصة
shared-entry-kind = النوع
shared-entry-what-helps-me = ما يساعدني
shared-entry-reflection = فكرة
shared-entry-placeholder = بكلماتي
shared-save = حفظ
shared-cancel = إلغاء

shared-next-visit = الزيارة القادمة
shared-no-visits = لا توجد زيارات مقررة بعد.

shared-give-back = إعادة الهاتف
shared-hand-back-title = للمرافق: استعادة الهاتف
shared-worker-passphrase = عبارة مرور المرافق
shared-take-back = استعادة الهاتف
shared-use-biometrics = استخدام البصمة أو الوجه

shared-error-closed = أُغلقت هذه الشاشة. يُرجى إعادة الهاتف إلى مرافقك.
shared-error-not-found = لم يعد هذا موجودًا.
shared-error-too-long = النص طويل جدًا: { $max ->
    [zero] لا حرف
    [one] حرف واحد
    [two] حرفان
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
} على الأكثر. يُرجى تقصيره.
shared-error-required = يُرجى كتابة شيء أولًا.
shared-error-rating = يُرجى اختيار رقم من 1 إلى 10.
shared-error-goal-closed = هذا الهدف مغلق، فلا يمكن تعليم خطواته الآن.
shared-error-other = حدث خطأ ما. يُرجى إعادة الهاتف إلى مرافقك.
