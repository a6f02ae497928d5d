## ركن العامل: مراجعة اليوم، الأسبوع الثقيل، الإشراف، الشهادات، خارج الدوام؛
## وبطاقة الحدود في الوضع المشترك (يقرؤها الشخص الذي يُرافَق).

corner-title = ركني
corner-privacy = أنت وحدك تستطيع قراءة ما هنا. ليس جزءًا من سجل أي شخص تدعمه ولا يظهر أبدًا في الوضع المشترك.
corner-save = حفظ

corner-off-duty = أنت خارج الدوام. تنتظر التذكيرات ساعات عملك القادمة؛ ولا يزال بإمكانك تسجيل استجابة لأزمة.
corner-on-duty = في الدوام حتى { $end }

corner-debrief = مراجعة اليوم
corner-debrief-question = كيف كان وقع اليوم عليك، من 1 إلى 10؟
corner-debrief-words = بكلماتي
corner-debrief-helped = ما الذي ساعدني
corner-debrief-for-myself = ما سأفعله من أجل نفسي
corner-debrief-break = هل أخذت استراحة؟
corner-debrief-share = مشاركة هذه المراجعة مع المشرف
corner-debrief-share-note = لا يُرسل شيء بعد: تبدأ المشاركة عند إعداد المزامنة مع فريقك.
corner-debrief-shared = معلَّمة للمشاركة مع المشرف
corner-occasion-end-of-day = نهاية اليوم
corner-occasion-after-crisis = بعد استجابة لأزمة
corner-occasion-after-incident = بعد حادثة
corner-score = { $score } من 10

corner-heavy-title = كان هذا أسبوعًا ثقيلًا
corner-heavy-intro = حملت الكثير هذا الأسبوع. هذا من طبيعة العمل، وليس تقصيرًا. هذا ما لاحظه التطبيق:
corner-heavy-dismiss = ليس الآن: إخفاء لهذا الأسبوع
corner-reason-crisis = { $count ->
    [zero] لا استجابات لأزمات
    [one] استجابة واحدة لأزمة
    [two] استجابتان لأزمات
    [few] { $count } استجابات لأزمات
    [many] { $count } استجابةً لأزمات
   *[other] { $count } استجابة لأزمات
}
corner-reason-incidents = { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
    [many] { $count } حادثةً
   *[other] { $count } حادثة
}
corner-reason-emergency = { $count ->
    [zero] لا زيارات طارئة
    [one] زيارة طارئة واحدة
    [two] زيارتان طارئتان
    [few] { $count } زيارات طارئة
    [many] { $count } زيارةً طارئة
   *[other] { $count } زيارة طارئة
}
corner-reason-late = { $count ->
    [zero] لا أيام تجاوزت ساعات عملك
    [one] يوم واحد تجاوز ساعات عملك
    [two] يومان تجاوزا ساعات عملك
    [few] { $count } أيام تجاوزت ساعات عملك
    [many] { $count } يومًا تجاوزت ساعات عملك
   *[other] { $count } يوم تجاوزت ساعات عملك
}
corner-reason-no-break = { $count ->
    [zero] لا أيام بلا استراحة
    [one] يوم واحد بلا استراحة
    [two] يومان بلا استراحة
    [few] { $count } أيام بلا استراحة
    [many] { $count } يومًا بلا استراحة
   *[other] { $count } يوم بلا استراحة
}
corner-reason-heavy-debriefs = { $count ->
    [zero] لا أيام ثقيلة عليك
    [one] يوم واحد كان ثقيلًا عليك
    [two] يومان كانا ثقيلين عليك
    [few] { $count } أيام كانت ثقيلة عليك
    [many] { $count } يومًا كانت ثقيلة عليك
   *[other] { $count } يوم كانت ثقيلة عليك
}
corner-suggest-break = خذ استراحة حقيقية، ولو قصيرة، بعيدًا عن العمل.
corner-suggest-colleague = تحدّث عن الأسبوع مع زميل تثق به.
corner-suggest-supervision = احجز جلسة إشراف للحديث عنه.
corner-suggest-eap = خط الدعم في مؤسستك موجود من أجلك أيضًا: { $name }

corner-supervision = الإشراف
corner-supervision-next = الجلسة القادمة: { $day } مع { $name }
corner-supervision-none = لا يوجد إشراف مخطط. الإشراف المنتظم جزء من العمل: يمكنك حجز جلسة.
corner-supervision-request-note = في الفريق، يرسل «طلب إشراف» طلبك إلى المشرفين عند المزامنة التالية. من دون فريق، احجز الجلسة كما تفعل عادةً ثم سجّلها هنا.
corner-action-no-due = بلا موعد
corner-action-due-today = مستحق اليوم
corner-action-due = مستحق في { $day }
corner-action-overdue = { $count ->
    [zero] متأخر
    [one] متأخر يومًا واحدًا
    [two] متأخر يومين
    [few] متأخر { $count } أيام
    [many] متأخر { $count } يومًا
   *[other] متأخر { $count } يوم
}

corner-certifications = الشهادات
corner-cert-no-expiry = لا تنتهي صلاحيتها
corner-cert-expires-today = تنتهي صلاحيتها اليوم
corner-cert-expires-in = { $count ->
    [zero] تنتهي صلاحيتها اليوم
    [one] تنتهي صلاحيتها غدًا
    [two] تنتهي صلاحيتها بعد يومين
    [few] تنتهي صلاحيتها بعد { $count } أيام
    [many] تنتهي صلاحيتها بعد { $count } يومًا
   *[other] تنتهي صلاحيتها بعد { $count } يوم
}
corner-cert-expired = { $count ->
    [zero] انتهت صلاحيتها اليوم
    [one] انتهت صلاحيتها أمس
    [two] انتهت صلاحيتها منذ يومين
    [few] انتهت صلاحيتها منذ { $count } أيام
    [many] انتهت صلاحيتها منذ { $count } يومًا
   *[other] انتهت صلاحيتها منذ { $count } يوم
}

corner-boundary-title = البقاء على تواصل
corner-boundary-explain = يحتفظ مرافقك برقم هاتفه الشخصي لنفسه. هكذا يستطيع كل مرافق هنا أن يواصل دعم الناس جيدًا. يمكنك دائمًا التواصل مع الخدمة بهذه الطرق، والمساعدة موجودة إذا صعبت الأمور.
corner-boundary-routes = طرق التواصل مع الخدمة
corner-boundary-crisis = إذا احتجت إلى مساعدة عاجلة
corner-boundary-none = اطلب من مرافقك أن يكتب لك طريقة التواصل مع الخدمة.
corner-boundary-close = العودة إلى خطتي
corner-boundary-hours = مواعيد العمل: { $hours }
